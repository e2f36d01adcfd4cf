import { Fragment, type ReactNode } from 'react';
import { Box, Text } from '@mantine/core';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label–value pairs as a description list: two columns on a wide screen, stacked on a phone. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)', columnGap: 'var(--mantine-spacing-md)', rowGap: 6 }}
      className="fact-list"
    >
      {facts.map((fact) => (
        <Fragment key={fact.label}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {fact.value}
          </Text>
        </Fragment>
      ))}
    </Box>
  );
}
