/**
 * Signing in at the register in browser mode, against a real hub with the demo staff (store-1: Alice
 * Manager 472913, Bob Clerk 1111; the e2e hub's verifiers are cheap): the names come from the replica, the
 * PIN is checked by the register host with the store's staff key, wrong PINs lock a clerk out in a way a
 * reload does not undo, a clerk who leaves with a sale in the cart leaves it parked under their name, and
 * every sign-in, refusal and sign-out reaches the hub's audit trail.
 */
import { expect, test } from './fixtures';
import { SalePage } from './pages/sale-page';
import { SignInPage } from './pages/sign-in-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection, staff included.
const SYNC_TIMEOUT = 20_000;

test('a clerk signs in with their PIN, a wrong PIN is refused in words, and sign-out returns', async ({
  page,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);

  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await expect(signIn.person('Alice Manager')).toBeVisible();
  // Only store-1's staff: Carla and Dan work at store-2.
  await expect(signIn.staff.getByRole('radio')).toHaveCount(2);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sign-in.png`, fullPage: true });

  await signIn.signIn('Bob Clerk', '1234');
  await expect(signIn.message).toHaveText('Wrong PIN. 4 tries left.');
  await expect(signIn.pin).toHaveValue('');

  // The pad, for touch, then the right PIN.
  await signIn.tapPin('1111');
  await expect(signIn.signedInAs('Bob Clerk')).toBeVisible();
  await expect(signIn.clerkBar).toContainText('Bob Clerk');

  await signIn.signOut.click();
  await expect(signIn.person('Bob Clerk')).toBeVisible();
  await expect(signIn.signedInAs('Bob Clerk')).toHaveCount(0);
  await expect(signIn.clerkBar).toHaveCount(0);
});

test('five wrong PINs lock the clerk, a reload still shows the lock, and the right PIN is refused', async ({
  page,
  syncHost,
}) => {
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });

  for (const left of ['4 tries', '3 tries', '2 tries', '1 try']) {
    await signIn.signIn('Bob Clerk', '9999');
    await expect(signIn.message).toHaveText(`Wrong PIN. ${left} left.`);
  }
  await signIn.signIn('Bob Clerk', '9999');
  const locked = 'Locked for 5 minutes after too many wrong PINs. Ask a manager.';
  await expect(signIn.message).toHaveText(locked);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sign-in-locked.png`, fullPage: true });

  await page.reload();
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.message).toHaveText(locked);
  await expect(signIn.signedInAs('Bob Clerk')).toHaveCount(0);

  // Alice is not locked.
  await signIn.signIn('Alice Manager', '472913');
  await expect(signIn.signedInAs('Alice Manager')).toBeVisible();
});

test('switching clerk keeps nothing of the previous one, by keyboard alone', async ({ page, syncHost }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Alice Manager')).toBeFocused({ timeout: SYNC_TIMEOUT });

  // Arrow keys pick a name, digits typed anywhere go to the PIN field, Enter signs in.
  await page.keyboard.press('ArrowDown');
  await expect(signIn.person('Bob Clerk')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.type('1111');
  await expect(signIn.pin).toHaveValue('1111');
  await page.keyboard.press('Enter');
  await expect(signIn.signedInAs('Bob Clerk')).toBeVisible();

  await page.keyboard.press('F8');
  await expect(signIn.signedInAs('Bob Clerk')).toHaveCount(0);
  await expect(signIn.staff.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(signIn.pin).toHaveValue('');
  await signIn.signIn('Alice Manager', '472913');
  await expect(signIn.signedInAs('Alice Manager')).toBeVisible();
  await expect(signIn.clerkBar).not.toContainText('Bob');
});

test('switching clerk (F8) with a sale in the cart parks it for that clerk', async ({ page, syncHost }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  const sale = new SalePage(page);
  const key = sale.quickKeys.getByRole('button').first();
  await expect(key).toBeVisible({ timeout: SYNC_TIMEOUT });
  const keyName = ((await key.locator('.quick-key-name').textContent()) ?? '').trim();
  await key.click();
  await expect(sale.qty(keyName)).toHaveValue('1');

  await page.keyboard.press('F8');
  await expect(signIn.signedInAs('Bob Clerk')).toHaveCount(0);
  await expect(page.getByText('Parked for Bob Clerk — 1 item. Resume it from Parked sales.')).toBeVisible();
  await signIn.signIn('Alice Manager', '472913');
  await expect(sale.search).toBeVisible();
  await expect(sale.lines).toHaveCount(0);
  await sale.sale.getByRole('button', { name: 'Parked sales' }).click();
  await expect(
    sale.parkedDialog.getByRole('button', { name: 'Resume Parked for Bob Clerk — 1 item' }),
  ).toBeVisible();
});

test('the register info stays one button away from the sign-in screen', async ({ page, syncHost }) => {
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await signIn.registerInfo.click();
  await expect(page.getByRole('heading', { name: 'Register ready' })).toBeVisible();
  await signIn.backToSignIn.click();
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
});

test('the idle lock asks the same clerk for their PIN, and another clerk may take over', async ({
  page,
  syncHost,
}) => {
  // The page's clock only: the idle timer runs in the page, the PIN check in the host is untouched.
  await page.clock.install();
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.signedInAs('Bob Clerk')).toBeVisible();

  await page.clock.fastForward('05:01');
  await expect(signIn.lockNote).toContainText('Bob Clerk, enter your PIN to continue');
  await expect(signIn.person('Bob Clerk')).toHaveAttribute('aria-checked', 'true');
  await expect(signIn.pin).toBeFocused();
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sign-in-idle-lock.png`, fullPage: true });
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await expect(signIn.signedInAs('Bob Clerk')).toBeVisible();

  await page.clock.fastForward('05:01');
  await expect(signIn.lockNote).toBeVisible();
  await signIn.signIn('Alice Manager', '472913');
  await expect(signIn.signedInAs('Alice Manager')).toBeVisible();
});

test('sign-ins, refusals and sign-outs reach the hub’s audit trail', async ({ page, hub, syncHost }) => {
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '2468');
  await expect(signIn.message).toHaveText('Wrong PIN. 4 tries left.');
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.signedInAs('Bob Clerk')).toBeVisible();
  await signIn.signOut.click();
  await expect(signIn.person('Bob Clerk')).toBeVisible();

  const trail = () =>
    hub.query<{ action: string; staff: string | null; reason: string | null }>(
      `SELECT action, doc->>'staffId' AS staff, doc->'details'->>'reason' AS reason
       FROM audit WHERE store_id = 'store-1' ORDER BY at, id`,
    );
  await expect.poll(trail, { timeout: SYNC_TIMEOUT }).toEqual([
    { action: 'sign_in_failed', staff: 'staff-bob', reason: 'pin_wrong' },
    { action: 'sign_in', staff: 'staff-bob', reason: null },
    { action: 'sign_out', staff: 'staff-bob', reason: 'sign_out' },
  ]);
});
