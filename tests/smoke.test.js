const { setupStrapi, teardownStrapi } = require('./helpers/strapi');

let strapi;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

test('boots', async () => {
  const n = await strapi.db.query('api::ita-item.ita-item').count();
  console.log('items', n);
  expect(n).toBe(195);
});
