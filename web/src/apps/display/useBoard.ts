import { useEffect, useRef, useState } from 'react';
import { announcement } from '@motcua/core/queue/ordering.ts';
import { api } from '../../api/client.ts';
import { queuePaths, type BoardEvent, type BoardState } from '../../api/queue.ts';
import { Announcer } from './speech.ts';

/**
 * The board of a centre, live: the state arrives as `snapshot` when the event stream opens (and again
 * after every reconnection); each `queue` event shows and speaks its call at once and then reloads the
 * state (debounced), so a burst of changes costs one request.
 */
export function useBoard(centre: string | null) {
  const [board, setBoard] = useState<BoardState | null>(null);
  const [connected, setConnected] = useState(false);
  const [latest, setLatest] = useState<BoardEvent['call']>(null);
  const announcer = useRef<Announcer | null>(null);

  useEffect(() => {
    if (!centre) return;
    announcer.current ??= new Announcer('vi-VN');
    const source = new EventSource(queuePaths.events(centre));
    let reload: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const refresh = () => {
      clearTimeout(reload);
      reload = setTimeout(() => {
        api.get<BoardState>(queuePaths.board(centre)).then((state) => alive && setBoard(state), () => {});
      }, 250);
    };
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('snapshot', (e) => {
      setConnected(true);
      setBoard(JSON.parse((e as MessageEvent).data) as BoardState);
    });
    source.addEventListener('queue', (e) => {
      const event = JSON.parse((e as MessageEvent).data) as BoardEvent;
      if (event.call) {
        const call = event.call;
        setLatest(call);
        setBoard((b) =>
          b && {
            ...b,
            counters: b.counters.map((c) => (c.counterNumber === call.counterNumber ? { ...c, ticketNumber: call.number, status: 'called' } : c)),
            lastCalled: [call, ...b.lastCalled.filter((x) => x.ticketId !== call.ticketId)].slice(0, 8),
          },
        );
        announcer.current?.say(announcement(call.number, call.counterNumber, 'vi').speech);
      }
      refresh();
    });
    return () => {
      alive = false;
      clearTimeout(reload);
      source.close();
    };
  }, [centre]);

  useEffect(() => () => announcer.current?.stop(), []);
  return { board, connected, latest };
}
