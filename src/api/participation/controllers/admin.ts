import { participationAdminController } from '../../../participation/admin';

/** The participation inbox and confidential complaints (admin API, src/participation/admin.ts). */
export default participationAdminController;
