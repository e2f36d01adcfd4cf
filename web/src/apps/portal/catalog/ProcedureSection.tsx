import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';

interface ProcedureSectionProps {
  id: string;
  title: string;
  children: ReactNode;
}

/** A titled part of the procedure page, a landmark named by its heading. */
export function ProcedureSection({ id, title, children }: ProcedureSectionProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-title`} data-section={id} className="procedure-section">
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
