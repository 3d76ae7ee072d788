import type { Core } from '@strapi/strapi';
import { registerAuditProtection } from './audit';
import { registerElementCheckProtection } from './elements';
import { registerPublicationGuard, registerPublishedRowProtection } from './guard';
import { registerNotifications } from './notifications';
import { registerScheduler } from './scheduler';

const HANDLER = 'api::workflow.workflow';
const policies = ['admin::isAuthenticatedAdmin'];

/** The editorial workflow: the publication guard, the append-only audit chain, the admin routes. */
export default {
  register(strapi: Core.Strapi) {
    registerPublicationGuard(strapi);
    registerPublishedRowProtection(strapi);
    registerNotifications(strapi);
    registerAuditProtection(strapi);
    registerElementCheckProtection(strapi);
    strapi.server.routes({
      type: 'admin',
      prefix: '/workflow',
      routes: [
        {
          method: 'POST',
          path: '/transition',
          handler: `${HANDLER}.transition`,
          config: { policies },
        },
        { method: 'POST', path: '/bulk', handler: `${HANDLER}.bulk`, config: { policies } },
        { method: 'POST', path: '/delete', handler: `${HANDLER}.delete`, config: { policies } },
        { method: 'POST', path: '/confirm', handler: `${HANDLER}.confirm`, config: { policies } },
        { method: 'GET', path: '/currency', handler: `${HANDLER}.currency`, config: { policies } },
        { method: 'GET', path: '/allowed', handler: `${HANDLER}.allowed`, config: { policies } },
        { method: 'GET', path: '/history', handler: `${HANDLER}.history`, config: { policies } },
        { method: 'GET', path: '/tasks', handler: `${HANDLER}.tasks`, config: { policies } },
        { method: 'GET', path: '/my-work', handler: `${HANDLER}.myWork`, config: { policies } },
        {
          method: 'GET',
          path: '/elements',
          handler: `${HANDLER}.elements`,
          config: { policies },
        },
      ],
    } as never);
  },
  bootstrap(strapi: Core.Strapi) {
    registerScheduler(strapi);
  },
};
