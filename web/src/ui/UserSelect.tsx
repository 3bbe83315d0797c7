import { useTranslation } from 'react-i18next';

import { useUsers } from '../api/queries';

interface UserSelectProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** Picks the owner ("our contact") among the active users; an inactive current owner stays visible. */
export function UserSelect({ value, onChange, ...control }: UserSelectProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const items = (users.data ?? []).filter((user) => user.active || String(user.id) === value);

  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)} disabled={users.isPending}>
      <option value="">{t('common.nobody')}</option>
      {items.map((user) => (
        <option key={user.id} value={String(user.id)}>
          {user.name}
        </option>
      ))}
    </select>
  );
}
