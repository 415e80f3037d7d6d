// What a printer gets: no navigation and no buttons, the content whole, links with their
// address, a diagram with the notes of its view only, and the handout with each section's
// URL, as a PDF. One browser page prints three pages, each a step of its own.
import { addSheet } from './audit-helpers.ts';
import { expect, test } from './fixtures.ts';

test('printed, pages drop navigation and buttons, links show their address, a diagram its view, the handout each URL; the PDF renders', async ({
  page,
}) => {
  await test.step('a topic page drops navigation; a diagram shows the notes of its view only, lists keep their numbers', async () => {
    await page.goto('/en/io-drivers/#io-path=hosted');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('#site-nav')).toBeHidden();
    await expect(page.locator('.pager')).toBeHidden();
    const after = await page.evaluate(() => {
      const link = document.querySelector('.site-footer a');
      return link ? getComputedStyle(link, '::after').content : '';
    });
    expect(after).toContain('/en/sources/');

    const fig = page.locator('#figure-io-path');
    // Both paths print side by side, the chosen one marked by its packet; its notes alone print.
    await expect(fig.locator('svg[data-arch="bare-metal"]')).toBeVisible();
    await expect(fig.locator('svg[data-arch="hosted"] .packet')).toBeVisible();
    await expect(fig.locator('svg[data-arch="bare-metal"] .packet')).toBeHidden();
    await expect(fig.locator('.diagram-note').filter({ hasText: 'Path: Bare metal' })).toBeHidden();
    const items = fig.locator('.diagram-note li').filter({ visible: true });
    for (const item of await items.all())
      expect(await item.evaluate((li) => getComputedStyle(li).display)).toBe('list-item');
  });

  // The test build has no SITE_URL: it knows no origin, so it prints the site's paths (issue
  // 13). A build with SITE_URL writes its origin into --site-origin, set here as it would.
  await test.step('links print their address (whole with SITE_URL), citation marks no claim ids', async () => {
    await page.goto('/en/architecture/');
    const printed = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main a')]
          .filter((a) => a.getClientRects().length)
          .map((a) => ({
            href: a.getAttribute('href') ?? '',
            after: getComputedStyle(a, '::after').content,
            cite: !!a.closest('.cite'),
          })),
      );
    const paths = await printed();
    const glossary = paths.find((a) => a.href.startsWith('/en/glossary/'));
    expect(glossary?.after).toBe(`" (${glossary?.href})"`);
    expect(paths.map((a) => a.after).join()).not.toMatch(/localhost|127\.0\.0\.1/);
    await addSheet(page, ':root { --site-origin: "https://www.example-university.de"; }');
    for (const link of await printed()) {
      expect(link.after, link.href).not.toMatch(/\(\/|\[[a-z-]+\]/);
      if (link.cite) expect(link.after, link.href).toMatch(/^(none|normal)$/);
      else if (link.href.startsWith('/'))
        expect(link.after).toBe(`" (https://www.example-university.de${link.href})"`);
    }
  });

  await test.step('the handout: no navigation, no buttons, each section shows its URL; the PDF renders', async () => {
    await page.goto('/de/handout/');
    for (const selector of ['.site-header', '#site-nav', '.pager', '.print-hint', 'copy-link'])
      await expect(page.locator(selector).first()).toBeHidden();
    await expect(page.getByRole('navigation')).toHaveCount(
      await page.getByRole('navigation').count(),
    );
    for (const nav of await page.getByRole('navigation').all()) await expect(nav).toBeHidden();
    const url = await page
      .locator('.handout .heading')
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(url).toMatch(/^"https?:\/\/[^"]+\/de\/#virtuelle-maschine-und-hypervisor"$/);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});
