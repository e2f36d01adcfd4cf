import { Alert, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formPath, problemOf, topField } from './problems.ts';
import { useLang } from './useLang.ts';

interface ProblemAlertProps {
  error: unknown;
  /** Fields the form shows its own errors beside; errors on other paths are listed in the alert. */
  formFields?: string[];
  /** Finer than formFields: true for a form path (`entries[2].label`) that an input shows beside itself. */
  placed?: (path: string) => boolean;
  onRetry?: () => void;
}

/** A failed request, said in the current language, with the field errors no input shows. */
export function ProblemAlert({ error, formFields = [], placed, onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!error) return null;
  const problem = problemOf(error);
  const unplaced = (problem?.errors ?? []).filter((e) => {
    const path = formPath(e.path);
    return !formFields.includes(topField(path)) && !placed?.(path);
  });
  const message = problem ? problem.message[lang] : t('errors.client');
  const hasDetails = unplaced.length > 0 || onRetry !== undefined;
  return (
    <Alert color="red" variant="light" title={hasDetails ? message : undefined} role="alert">
      {!hasDetails && (
        <Text size="sm" fw={600} c="red.9">
          {message}
        </Text>
      )}
      {unplaced.length > 0 && (
        <List size="sm">
          {unplaced.map((e) => (
            <List.Item key={e.path + e.code}>{e.message[lang]}</List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
