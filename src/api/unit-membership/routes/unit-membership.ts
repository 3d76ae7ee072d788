import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::unit-membership.unit-membership');
