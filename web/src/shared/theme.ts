import { Badge, createTheme } from '@mantine/core';

/** Fonts listed all carry the full Vietnamese character set (Windows, macOS, Android, Debian). */
const fontStack = '"Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const theme = createTheme({
  // Blue for actions, so that red stays the colour of errors (and of the header's name).
  primaryColor: 'blue',
  primaryShade: 7,
  fontFamily: fontStack,
  headings: { fontFamily: fontStack },
  defaultRadius: 'md',
  components: {
    // Upper-case Vietnamese stacks diacritics on capitals and reads poorly in small badges.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});
