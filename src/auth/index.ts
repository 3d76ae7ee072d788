import type { Core } from '@strapi/strapi';
import { closeAuthLimits, initAuthLimits, publicSignup } from './limits';

/**
 * Sign-in hardening around Strapi's own authentication:
 * - failed sign-ins limited per client address (./limits.ts, the `global::auth-limit` middleware);
 * - public sign-up (`POST /api/auth/local/register`) off unless `PUBLIC_SIGNUP=true`;
 * - `/admin/forgot-password` never ends the process on a failure it does not await.
 */

/**
 * The users-permissions advanced setting `allow_register` follows `PUBLIC_SIGNUP` at every start,
 * so that the admin panel (Settings → Users & Permissions → Advanced settings) shows the truth.
 * While `PUBLIC_SIGNUP` is not `true` the middleware refuses sign-up even if someone switches the
 * setting on in the panel; with `PUBLIC_SIGNUP=true` the panel switch can still turn it off.
 */
const syncSignupSetting = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  const wanted = publicSignup();
  if (advanced.allow_register !== wanted) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: wanted } });
    strapi.log.info(`[auth] public sign-up ${wanted ? 'allowed' : 'off'} (PUBLIC_SIGNUP)`);
  }
};

/**
 * Strapi's admin controller starts `auth.forgotPassword` without awaiting it and answers 204 for
 * every address. Strapi itself catches (and logs) a failing e-mail transport, but any other
 * failure in it (the database, a missing template) would be an unhandled rejection, which ends
 * the Node process. Catch and log those too.
 */
const guardAdminForgotPassword = (strapi: Core.Strapi) => {
  const auth = strapi.service('admin::auth') as
    | { forgotPassword?: (input: unknown) => Promise<unknown>; __prongsaiGuarded?: boolean }
    | undefined;
  if (!auth || typeof auth.forgotPassword !== 'function' || auth.__prongsaiGuarded) return;
  const original = auth.forgotPassword.bind(auth);
  auth.forgotPassword = async (input: unknown) => {
    try {
      return await original(input);
    } catch (err) {
      strapi.log.error(
        `[auth] admin forgot-password failed: ${(err as Error)?.message ?? String(err)}`,
      );
      return undefined;
    }
  };
  auth.__prongsaiGuarded = true;
};

/**
 * users-permissions' forgot-password stores the reset token, then awaits the e-mail: a
 * registered address answers only after the mail server has, an unknown one at once — the time
 * tells which addresses exist. During that request the send is started and not awaited (its
 * failure is logged), so both answer alike and as fast.
 */
const detachForgotPasswordMail = (strapi: Core.Strapi) => {
  const email = strapi.plugin('email')?.service('email') as
    | { send?: (options: unknown) => Promise<unknown>; __prongsaiDetached?: boolean }
    | undefined;
  if (!email || typeof email.send !== 'function' || email.__prongsaiDetached) return;
  const send = email.send.bind(email);
  email.send = (options: unknown) => {
    const ctx = strapi.requestContext.get() as { method?: string; path?: string } | undefined;
    const path = (ctx?.path ?? '').replace(/\/+$/, '').toLowerCase();
    if (ctx?.method !== 'POST' || path !== '/api/auth/forgot-password') return send(options);
    send(options).catch((err: unknown) =>
      strapi.log.error(
        `[auth] forgot-password e-mail not sent: ${(err as Error)?.message ?? String(err)}`,
      ),
    );
    return Promise.resolve();
  };
  email.__prongsaiDetached = true;
};

export default {
  async bootstrap(strapi: Core.Strapi) {
    await syncSignupSetting(strapi);
    guardAdminForgotPassword(strapi);
    detachForgotPasswordMail(strapi);
    await initAuthLimits();
  },
  async destroy() {
    await closeAuthLimits();
  },
};
