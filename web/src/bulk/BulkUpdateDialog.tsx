import type { BulkUpdateTarget, SelectionEntity } from '../api/types';

export interface BulkUpdateDialogProps {
  open: boolean;
  entity: SelectionEntity;
  target: BulkUpdateTarget;
  /** Records in the target as the screen counted them, for the dialog's title; null when unknown. */
  count: number | null;
  onClose: () => void;
}

/** Sets lead status or owner (persons) or category (companies) on many records: preview, run, log. */
export function BulkUpdateDialog(props: BulkUpdateDialogProps) {
  void props;
  return null;
}
