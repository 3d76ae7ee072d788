import type { Core } from '@strapi/strapi';

/**
 * Runs `fn` alone among the callers that pass the same `key`: one request at a time per key in
 * this process (a promise chain), and on PostgreSQL one at a time across every instance sharing
 * the database (a transaction-scoped advisory lock, held until `fn`'s transaction ends; `fn`'s
 * queries run in that transaction). For "find the draft, else create it" paths such as the
 * generated reports, where two clicks at once must not make two drafts.
 *
 * Written here because the two mechanisms it combines are a few lines each and no maintained
 * library offers a lock that lives in the application's own PostgreSQL transaction.
 */
const chains = new Map<string, Promise<void>>();

export const exclusive = async <T>(
  strapi: Core.Strapi,
  key: string,
  fn: () => Promise<T>,
): Promise<T> => {
  const before = chains.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chain = before.then(() => mine);
  chains.set(key, chain);
  await before;
  try {
    if (strapi.db.dialect.client === 'postgres')
      return await strapi.db.transaction(async ({ trx }) => {
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`prongsai:${key}`]);
        return fn();
      });
    return await fn();
  } finally {
    release();
    if (chains.get(key) === chain) chains.delete(key);
  }
};
