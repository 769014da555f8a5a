import type { Params } from './format.js';

/** A catalogue template with its `{name}` placeholders filled in; unknown names stay as they are. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
