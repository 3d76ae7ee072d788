import { Box, Button, Flex, Link, Modal, Typography } from '@strapi/design-system';
import { STATE_LABEL, type State } from '../workflow/constants';
import type { MatrixCell, MatrixItem, MatrixUnit } from './api';
import { StatusTag } from './Matrix';
import {
  TYPE_LABEL,
  contentManagerPath,
  fiscalMonthLabel,
  thaiDate,
  thaiDateOfInstant,
} from './labels';

const CADENCE_LABEL: Record<string, string> = {
  standing: 'ข้อมูลที่ต้องมีอยู่เสมอ',
  monthly: 'รายเดือน',
  annual_current_fy: 'รายปี (ปีงบประมาณปัจจุบัน)',
  annual_previous_fy: 'รายปี (ปีงบประมาณก่อนหน้า)',
  multi_year_covering_current_fy: 'แผนหลายปีที่ครอบคลุมปีปัจจุบัน',
  event_current_fy: 'เหตุการณ์ในปีงบประมาณ',
  half_year_current_fy: 'รอบ 6 เดือน',
};

export type OpenCell = { unit: MatrixUnit; item: MatrixItem; cell: MatrixCell };

/** The entries behind one cell of the matrix, each linked to the Content Manager. */
export const CellDialog = ({
  open,
  fiscalYear,
  onClose,
}: {
  open: OpenCell | null;
  fiscalYear: number;
  onClose: () => void;
}) => (
  <Modal.Root open={open !== null} onOpenChange={(o: boolean) => (o ? undefined : onClose())}>
    {open ? (
      <Modal.Content data-testid="cell-dialog">
        <Modal.Header closeLabel="ปิด">
          <Modal.Title>
            {open.item.code} · {open.unit.code} {open.unit.nameTh}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="omega">{open.item.titleTh}</Typography>
            <Flex gap={6} wrap="wrap">
              <Box>
                <Typography variant="sigma" textColor="neutral600" tag="p">
                  สถานะ
                </Typography>
                <Box data-testid="cell-dialog-status" data-status={open.cell.status}>
                  <StatusTag status={open.cell.status} />
                </Box>
              </Box>
              <Box>
                <Typography variant="sigma" textColor="neutral600" tag="p">
                  ครบกำหนด
                </Typography>
                <Typography variant="omega" data-testid="cell-dialog-due">
                  {open.cell.dueDate ? thaiDate(open.cell.dueDate, true) : 'ไม่มีกำหนดเพิ่มเติม'}
                </Typography>
              </Box>
              {open.item.cadence ? (
                <Box>
                  <Typography variant="sigma" textColor="neutral600" tag="p">
                    รอบการเผยแพร่
                  </Typography>
                  <Typography variant="omega">
                    {CADENCE_LABEL[open.item.cadence] ?? open.item.cadence}
                  </Typography>
                </Box>
              ) : null}
            </Flex>
            {open.cell.missingMonths?.length ? (
              <Box data-testid="cell-dialog-missing">
                <Typography variant="sigma" textColor="neutral600" tag="p">
                  เดือนที่ยังไม่ได้เผยแพร่ ({open.cell.missingMonths.length} เดือน)
                </Typography>
                <Typography variant="omega">
                  {open.cell.missingMonths.map((m) => fiscalMonthLabel(fiscalYear, m)).join(', ')}
                </Typography>
              </Box>
            ) : null}
            <Box>
              <Typography variant="sigma" textColor="neutral600" tag="p">
                รายการที่เชื่อมกับข้อนี้
                {(open.cell.entryCount ?? 0) > open.cell.entries.length
                  ? ` (${open.cell.entries.length} รายการล่าสุดจากทั้งหมด ${open.cell.entryCount} รายการ)`
                  : ''}
              </Typography>
              {open.cell.entries.length === 0 ? (
                <Typography variant="omega" data-testid="cell-dialog-empty">
                  ยังไม่มีรายการที่เชื่อมกับข้อนี้ในปีงบประมาณ {fiscalYear}
                </Typography>
              ) : (
                <Flex
                  tag="ul"
                  direction="column"
                  alignItems="stretch"
                  gap={2}
                  data-testid="cell-dialog-entries"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                >
                  {open.cell.entries.map((e) => (
                    <Box
                      tag="li"
                      key={`${e.type}:${e.documentId}`}
                      padding={3}
                      hasRadius
                      background="neutral100"
                      data-testid="cell-entry"
                      data-type={e.type}
                    >
                      <Link href={contentManagerPath(e.type, e.documentId)}>{e.title}</Link>
                      <Typography variant="pi" tag="p" textColor="neutral700">
                        {TYPE_LABEL[e.type] ?? e.type} ·{' '}
                        {e.published
                          ? `เผยแพร่แล้ว เมื่อ ${thaiDateOfInstant(e.publishedAt)}`
                          : `ยังไม่เผยแพร่ · ${
                              STATE_LABEL[e.workflowState as State] ?? e.workflowState ?? 'ฉบับร่าง'
                            }`}
                        {e.isNone ? ' · ประกาศว่าไม่มี' : ''}
                        {e.elementsConfirmed === false
                          ? ' · ผู้อนุมัติยังไม่ได้ยืนยันองค์ประกอบหลักฐานครบ'
                          : ''}
                      </Typography>
                    </Box>
                  ))}
                </Flex>
              )}
            </Box>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">ปิด</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    ) : null}
  </Modal.Root>
);
