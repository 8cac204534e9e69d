// The timeline: every date on which a holding, agreement or dependency starts or ends, or an event happens. Dragging
// or playing it sets the view date; events are listed beside it with their sources; selecting one highlights its
// entities on the graph. Source links open in a new tab; the app itself never fetches them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { dateIndex, eventsByDate, recordsOf, timelineDates } from '../../analysis';
import type { OwnershipEvent } from '../../model';
import { useStoreApi, useStore } from '../../store';
import { useSimViewApi, useSimView } from '../../store/simView';
import { namer } from '../names';
import { count } from './words';
import { webLink } from '../links';
import { DatesCompare, StepMarks } from './TimelineCompare';

/** Milliseconds per step while playing. */
const STEP_MS = 900;

function EventItem({ ev, past, current, selected, name }: { ev: OwnershipEvent; past: boolean; current: boolean; selected: boolean; name: (id: string) => string }) {
  const simView = useSimViewApi();
  const appStore = useStoreApi();
  const records = recordsOf(ev);
  const select = () => {
    appStore.getState().setView({ date: ev.date });
    simView.getState().set(selected ? { event: null, focus: [] } : { event: ev.id, focus: ev.entities ?? [] });
  };
  return (
    <li className={`event${past ? '' : ' future'}${current ? ' current' : ''}${selected ? ' selected' : ''}`}>
      <button type="button" className="event-head" aria-pressed={selected} onClick={select}>
        <span className="event-date">{ev.date}</span>
        {ev.kind && <span className={`event-kind k-${ev.kind}`}>{ev.kind}</span>}
        <span className="event-title">{ev.title}</span>
      </button>
      {selected && (
        <div className="event-body">
          {records !== null && <p><strong>{count(records)}</strong> records</p>}
          {ev.entities?.length ? <p className="small-text muted">Concerns {ev.entities.map(name).join(', ')}</p> : null}
          {ev.sources?.length ? (
            <ul className="event-sources">
              {ev.sources.map((s, i) => (
                <li key={i}>
                  {webLink(s.url) ? <a href={webLink(s.url)!} target="_blank" rel="noopener noreferrer">{s.title ?? s.url}</a> : <span>{s.title ?? s.url}</span>}
                  {s.date && <span className="muted"> ({s.date})</span>}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </li>
  );
}

export function TimelineTab() {
  const simView = useSimViewApi();
  const appStore = useStoreApi();
  const doc = useStore((s) => s.doc);
  const viewDate = useStore((s) => s.view.date);
  const selected = useSimView((s) => s.event);
  const dates = useMemo(() => timelineDates(doc), [doc]);
  const events = useMemo(() => eventsByDate(doc), [doc]);
  const date = viewDate ?? doc.asOf ?? dates[dates.length - 1] ?? '';
  const idx = dates.length ? dateIndex(dates, date) : 0;
  const [playing, setPlaying] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const name = namer(doc);
  const go = (i: number) => appStore.getState().setView({ date: dates[Math.max(0, Math.min(dates.length - 1, i))] });

  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => {
      const d = appStore.getState().view.date ?? doc.asOf ?? '';
      const i = dateIndex(dates, d);
      if (i >= dates.length - 1) return setPlaying(false);
      go(d < dates[0] ? 0 : i + 1);
    }, STEP_MS);
    return () => clearInterval(t);
  }, [playing, dates, doc.asOf]);
  useEffect(() => {
    list.current?.querySelector('.event.current')?.scrollIntoView({ block: 'nearest' });
  }, [date]);

  if (!dates.length) return <p className="sim-tab muted">This graph has no dated records or events.</p>;
  const current = events.filter((e) => e.date <= date).pop();
  return (
    <div className="sim-tab timeline">
      <div className="timeline-head">
        <output className="timeline-date" aria-live="polite" data-testid="timeline-date">{date}</output>
        <span className="muted small-text">{dates[0]} – {dates[dates.length - 1]}</span>
      </div>
      <input
        type="range" className="timeline-slider" aria-label="Timeline date" min={0} max={dates.length - 1} step={1} value={idx}
        aria-valuetext={dates[idx]} onChange={(e) => go(Number(e.target.value))}
      />
      <div className="actions-row">
        <button type="button" onClick={() => go(idx - 1)} disabled={idx <= 0} aria-label="Previous date">◀</button>
        <button type="button" onClick={() => { if (idx >= dates.length - 1) go(0); setPlaying(!playing); }} aria-pressed={playing}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" onClick={() => go(idx + 1)} disabled={idx >= dates.length - 1} aria-label="Next date">▶</button>
        <button type="button" onClick={() => { setPlaying(false); appStore.getState().setView({ date: null }); simView.getState().set({ event: null, focus: [] }); }}>Document date</button>
      </div>
      <StepMarks date={date} />
      <DatesCompare dates={dates} date={date} />
      <h3>Events</h3>
      <ol className="events" aria-label="Events" ref={list}>
        {events.map((ev) => <EventItem key={ev.id} ev={ev} past={ev.date <= date} current={ev === current} selected={selected === ev.id} name={name} />)}
      </ol>
    </div>
  );
}
