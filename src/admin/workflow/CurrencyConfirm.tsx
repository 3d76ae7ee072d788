import * as React from 'react';
import { Box, Button, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

type Currency = {
  toConfirm: Array<{ fiscalYear: number; item: string }>;
  reviewBy: string | null;
  reviewedAt: string | null;
  needsConfirm: boolean;
};

const TH_MONTHS = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];
/** `2026-07-01` → `1 ก.ค. 2569` (Buddhist era, no thousands separator). */
const thaiDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${TH_MONTHS[m - 1]} ${y + 543}`;
};

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ??
  (error as Error)?.message ??
  'Error';

/**
 * In the workflow panel: "ยืนยันว่าข้อมูลยังเป็นปัจจุบัน" when the entry was carried into a new
 * year and waits for confirmation, or its review-by date has passed (GET /workflow/currency,
 * POST /workflow/confirm). Shows the review-by date otherwise.
 */
export const CurrencyConfirm = ({
  model,
  documentId,
  refreshKey,
  onDone,
}: {
  model: string;
  documentId: string;
  refreshKey?: unknown;
  onDone?: () => void | Promise<void>;
}) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [currency, setCurrency] = React.useState<Currency | null>(null);
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    try {
      const res = await get<{ data: Currency }>(
        `/workflow/currency?uid=${encodeURIComponent(model)}&documentId=${encodeURIComponent(documentId)}`,
      );
      setCurrency(res.data.data);
    } catch {
      setCurrency(null);
    }
  }, [get, model, documentId]);

  React.useEffect(() => {
    void load();
  }, [load, refreshKey]);

  if (!currency || (!currency.needsConfirm && !currency.reviewBy)) return null;

  const confirm = async () => {
    setBusy(true);
    try {
      await post('/workflow/confirm', { uid: model, documentId });
      toggleNotification({
        type: 'success',
        message: 'ยืนยันแล้วว่าข้อมูลยังเป็นปัจจุบัน / Confirmed current',
      });
      await load();
      await onDone?.();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box data-testid="workflow-currency">
      {currency.toConfirm.length > 0 ? (
        <Typography variant="pi" tag="p" textColor="warning700">
          ยกมาใช้กับปีงบประมาณใหม่ รอยืนยันว่ายังเป็นปัจจุบัน:{' '}
          {currency.toConfirm.map((c) => `${c.item} (${c.fiscalYear})`).join(', ')}
        </Typography>
      ) : null}
      {currency.reviewBy ? (
        <Typography
          variant="pi"
          tag="p"
          textColor={currency.needsConfirm ? 'danger700' : 'neutral600'}
        >
          ต้องทบทวนความเป็นปัจจุบันภายใน {thaiDate(currency.reviewBy)}
        </Typography>
      ) : null}
      {currency.needsConfirm ? (
        <Box paddingTop={2}>
          <Button
            fullWidth
            variant="success-light"
            loading={busy}
            onClick={confirm}
            data-testid="workflow-confirm"
          >
            ยืนยันว่าข้อมูลยังเป็นปัจจุบัน
          </Button>
        </Box>
      ) : null}
    </Box>
  );
};
