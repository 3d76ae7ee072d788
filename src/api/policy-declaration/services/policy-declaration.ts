import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::policy-declaration.policy-declaration');
