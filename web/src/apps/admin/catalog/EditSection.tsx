import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';

/** A titled group of the procedure editor. */
export function EditSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="fieldset" m={0} aria-labelledby={`edit-${id}-title`} style={{ minWidth: 0 }}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={`edit-${id}-title`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
