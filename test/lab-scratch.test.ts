import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { diagnose } from '../src/diagnose/diagnose.js';
import { readStatusText } from '../src/read/parse.js';
test('x', () => {
for (const f of ['s01-aadj-700003.txt','s02-hybrid-700003.txt','s05-aadj-disabled-135011.txt','s07-aadj-healthy.txt','s06-after-leave-all-no.txt','r10-hybrid-1607-old-format.txt','r28-domain-joined-plus-registered-1803-old-format.txt','s10-hybrid-prejoin-0x801c03f2.txt']) {
  const text = readFileSync('test/fixtures/dsregcmd/'+f,'utf8');
  for (const opts of [{}, {error:'700003'}, {mdm:true}]) {
  const d = diagnose(readStatusText(text), opts);
  console.log(f, JSON.stringify(opts), d.status.joinType, d.plan.branch, d.findings.map(x=>x.id+':'+x.severity).join(','), '=>', d.plan.steps.map(s=>s.id+(s.conditional?'?':'')).join(' '));
  }
}
});
