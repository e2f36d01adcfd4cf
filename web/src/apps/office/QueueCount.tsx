import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

interface QueueCountProps {
  label: string;
  value: number | undefined;
  to: string;
  /** Red when above zero (overdue dossiers). */
  alert?: boolean;
}

/** One figure of the queue on the office home, linking to the queue filtered the same way. */
export function QueueCount({ label, value, to, alert = false }: QueueCountProps) {
  const shown = value ?? '…';
  return (
    <Anchor component={Link} to={to} underline="never" role="listitem" aria-label={`${label}: ${shown}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="2rem" fw={700} lh={1.1} c={alert && value ? 'red.8' : 'dark'}>
        {shown}
      </Text>
    </Anchor>
  );
}
