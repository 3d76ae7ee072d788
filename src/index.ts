import type { Core } from '@strapi/strapi';
import contentManager from './content-manager';
import disclosures from './disclosures';
import files from './files';
import ita from './ita';
import seed from './seed';

/** Wires each capability's register/bootstrap; the rules themselves live in their own folders. */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    ita.register(strapi);
    disclosures.register(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    files.bootstrap(strapi);
    await ita.bootstrap(strapi);
    await contentManager.bootstrap(strapi);
    await seed.bootstrap(strapi);
  },
};
