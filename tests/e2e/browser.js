/** Debian's Chromium through playwright-core: never a downloaded browser, no outbound connections. */
const { chromium } = require('playwright-core');

const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** Logs into the admin panel and closes the first-login overlays. */
const adminLogin = async (page, baseUrl, email, password) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
  await dismissOverlays(page);
};

const dismissOverlays = async (page) => {
  for (const name of [/skip|ข้าม/i, /close|ปิด/i, /got it|dismiss/i]) {
    const button = page.getByRole('button', { name }).first();
    if (await button.isVisible().catch(() => false)) await button.click().catch(() => {});
  }
  await page.keyboard.press('Escape').catch(() => {});
};

module.exports = { launch, adminLogin, dismissOverlays };
