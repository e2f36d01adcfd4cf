import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** A label over its value, for the fact lists of the dossier pages (a <div> inside a <dl>). */
export function FactItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
