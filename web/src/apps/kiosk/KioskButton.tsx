import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** One big touch target. */
export function KioskButton({ children, onClick, ...props }: ButtonProps & { children: ReactNode; onClick?: () => void }) {
  return (
    <Button
      h={{ base: 110, md: 150 }}
      fz={{ base: 24, md: 30 }}
      radius="lg"
      variant="white"
      color="red"
      styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25 } }}
      onClick={onClick}
      {...props}
    >
      {children}
    </Button>
  );
}
