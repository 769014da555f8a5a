import type { BrowserContext, Page } from 'playwright-core';

/** What the browser tests collect from every page of a context: dialogs (an XSS payload firing) and script errors. */
export interface PageWatch {
  dialogs: string[];
  consoleErrors: string[];
}

/** Watch every page the context has or opens: dismiss and record dialogs, record console errors and uncaught exceptions. */
export function watchPages(ctx: BrowserContext, into: PageWatch): void {
  const watch = (p: Page) => {
    p.on('dialog', (d) => {
      into.dialogs.push(d.message());
      void d.dismiss();
    });
    p.on('console', (m) => {
      if (m.type() === 'error') into.consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => into.consoleErrors.push(e.message));
  };
  ctx.on('page', watch);
  for (const p of ctx.pages()) watch(p);
}
