import { participationController } from '../../../participation/public';

/** The public's forms and what they may read back (src/participation/public.ts). */
export default participationController;
