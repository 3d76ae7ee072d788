import { statisticsReportController } from '../../../participation/statistics-report';

/** Complaint statistics and survey results as a draft report entry (src/participation/statistics-report.ts). */
export default statisticsReportController;
