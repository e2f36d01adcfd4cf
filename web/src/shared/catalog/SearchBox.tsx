import { useEffect, useRef, useState } from 'react';
import { CloseButton, Loader, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 200;

interface SearchBoxProps {
  /** The query in the URL. */
  value: string;
  onSearch: (q: string) => void;
  loading: boolean;
}

/**
 * The one search box: results follow the typing (after a short pause), Enter searches at once. The
 * URL is the truth; the box follows it when it changes from elsewhere (Back, a link).
 */
export function SearchBox({ value, onSearch, loading }: SearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const sent = useRef(value);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === sent.current.trim()) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onSearch(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  function searchNow() {
    sent.current = text;
    onSearch(text);
  }

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        searchNow();
      }}
    >
      <TextInput
        type="search"
        size="md"
        label={t('catalog.search.box')}
        placeholder={t('catalog.search.boxPlaceholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoComplete="off"
        enterKeyHint="search"
        rightSectionPointerEvents={loading || !text ? 'none' : 'all'}
        rightSection={
          loading ? (
            <Loader size="xs" aria-label={t('catalog.search.searching')} />
          ) : text ? (
            <CloseButton
              aria-label={t('catalog.search.clearQuery')}
              onClick={() => {
                setText('');
                sent.current = '';
                onSearch('');
              }}
            />
          ) : null
        }
      />
    </form>
  );
}
