import type { StrapiApp } from '@strapi/strapi/admin';
import th from './translations/th.json';

export default {
  config: {
    // Thai for the editors; English stays available in each user's profile.
    locales: ['th'],
    translations: { th },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    void app;
  },
};
