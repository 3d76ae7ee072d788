import type { Core } from '@strapi/strapi';
import adminFeatures from './admin-features';
import auth from './auth';
import compliance from './compliance';
import contentManager from './content-manager';
import delivery from './delivery';
import disclosures from './disclosures';
import files from './files';
import integrity from './integrity';
import ita from './ita';
import participation from './participation';
import seed from './seed';
import units from './units';
import workflow from './workflow';

/** Wires each capability's register/bootstrap; the rules themselves live in their own folders. */
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    ita.register(strapi);
    // Unit scoping runs before the disclosure rules: it may fill in the editor's only unit.
    units.register(strapi);
    disclosures.register(strapi);
    workflow.register(strapi);
    files.register(strapi);
    delivery.register(strapi);
    compliance.register(strapi);
    participation.register(strapi);
    integrity.register(strapi);
    adminFeatures.register(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await files.bootstrap(strapi);
    await ita.bootstrap(strapi);
    await disclosures.bootstrap(strapi);
    await units.bootstrap(strapi);
    await contentManager.bootstrap(strapi);
    await seed.bootstrap(strapi);
    await delivery.bootstrap(strapi);
    await compliance.bootstrap(strapi);
    workflow.bootstrap(strapi);
    await auth.bootstrap(strapi);
    await participation.bootstrap(strapi);
    await integrity.bootstrap(strapi);
  },
  async destroy() {
    await delivery.destroy();
    await auth.destroy();
    await participation.destroy();
  },
};
