// Saves the edits since the base as a named scenario of the document (it travels with the file) and lists nothing
// else: the saved scenario appears among the scenario buttons, ready to replay.
import { useState } from 'react';
import { useStoreApi, useStore } from '../../store';
import { saveScenario } from '../../store/scenario';
import { editsSinceBase } from '../../store/simState';

export function SaveScenario() {
  const appStore = useStoreApi();
  const edits = useStore((s) => editsSinceBase(s.sim).length);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('Give the scenario a title.');
    const r = saveScenario(appStore, { title, description });
    if (!r.ok) return setError(r.error);
    setError(null);
    setTitle('');
    setDescription('');
    appStore.getState().notify(`Saved the scenario "${title.trim()}" with the document.`);
  };
  return (
    <form className="form save-scenario" onSubmit={save} aria-labelledby="save-scenario-h">
      <h3 id="save-scenario-h">Save as a scenario</h3>
      <p className="muted small-text">{edits ? `${edits} change${edits === 1 ? '' : 's'} since the base will be saved with the document.` : 'Make a transfer (or apply a scenario) first; its operations are what gets saved.'}</p>
      <div className="field">
        <label htmlFor="scenario-title">Title</label>
        <input id="scenario-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={error ? true : undefined} />
      </div>
      <div className="field">
        <label htmlFor="scenario-description">Description (optional)</label>
        <textarea id="scenario-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={!edits}>Save scenario</button>
    </form>
  );
}
