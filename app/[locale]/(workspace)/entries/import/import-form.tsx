'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { ImportProgress, ImportResult } from '@/db/import/csv-import';
import { Link } from '@/lib/i18n/navigation';
import { importErrorText, type ImportErrorTags } from './error-text';

type Message =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'result'; result: ImportResult }
  | { type: 'error'; message: string };

/** Why nothing was imported, when it is not a report of the file's rows: a sentence of the catalogue and the HTTP status. */
type Failure = { message: string; status: number | null };

/** A refusal as the upload answers it: its code (`error.code`, or `failed` when the import broke off) and HTTP status. */
type Refusal = { code: string | null; status: number | null };

const PAGE_SIZE = 100;

/** Column names and keys stay as the file spells them: English, never machine-translated. */
const ERROR_TAGS: ImportErrorTags = {
  col: (chunks) => (
    <code lang="en" translate="no" dir="ltr">
      {chunks}
    </code>
  ),
  name: (chunks) => <bdi>{chunks}</bdi>,
};

const noSubscription = () => () => {};

/**
 * Sends the file to ./upload and reads its answer: a refusal with its HTTP status (the file's
 * errors, when it has them, shown as a report), or NDJSON progress lines, then the result.
 */
async function sendFile(
  uploadPath: string,
  file: File,
  mode: 'preview' | 'import',
  publish: boolean,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult | Refusal> {
  const body = new FormData();
  body.set('file', file);
  body.set('mode', mode);
  body.set('publish', publish ? 'publish' : 'draft');
  const response = await fetch(uploadPath, { method: 'POST', body });
  if (!response.ok || !response.body) {
    const refusal = (await response.json().catch(() => null)) as {
      error?: { code?: string };
      result?: ImportResult;
    } | null;
    if (refusal?.result && refusal.result.fileErrors.length > 0) return refusal.result;
    return { code: refusal?.error?.code ?? null, status: response.status };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      const message = JSON.parse(line) as Message;
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'result') return message.result;
      else return { code: 'failed', status: null };
    }
  }
  return { code: 'failed', status: null };
}

export function ImportForm({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations('data.import');
  const format = useFormatter();
  // The page's own path, with its locale: the upload answers in it, and signing in again returns to it.
  const pathname = usePathname();
  const uploadPath = `${pathname}/upload`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  // The form only works once hydrated (it sends the file with fetch): until then the button is
  // disabled, so an early click cannot reload the page and drop the chosen file.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = async (mode: 'preview' | 'import') => {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFailure({ message: t('chooseFile'), status: null });
      return;
    }
    setBusy(true);
    setFailure(null);
    setProgress(null);
    if (mode === 'preview') setResult(null);
    try {
      const answer = await sendFile(uploadPath, file, mode, publish && !isAdmin, setProgress);
      if ('rows' in answer) setResult(answer);
      else {
        // A refusal before any row was checked: nothing of an earlier preview applies any more.
        setResult(null);
        setFailure({
          // Said in the page's language by its code, never in the server's English.
          message:
            answer.code && t.has(`refusals.${answer.code}`)
              ? t(`refusals.${answer.code}`)
              : t('refused', { status: answer.status ?? 0 }),
          status: answer.status,
        });
      }
    } catch {
      setFailure({ message: t('networkError'), status: null });
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run('preview');
  };

  const reset = () => {
    setResult(null);
    setFailure(null);
    setProgress(null);
  };

  const canImport = result !== null && result.dryRun && result.ok && result.counts.new > 0;
  return (
    <>
      <form className="import-form" onSubmit={onSubmit} aria-busy={busy}>
        <div className="field">
          <label htmlFor="import-file">{t('file')}</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby="import-file-hint"
            onChange={reset}
          />
          <p id="import-file-hint" className="hint">
            {t('fileHint')}
          </p>
        </div>
        {isAdmin ? (
          <p>{t('adminLands')}</p>
        ) : (
          <fieldset>
            <legend>{t('landAs')}</legend>
            <label>
              <input
                type="radio"
                name="publish"
                value="draft"
                checked={!publish}
                onChange={() => {
                  setPublish(false);
                  reset();
                }}
              />{' '}
              {t('asDrafts')}
            </label>
            <label>
              <input
                type="radio"
                name="publish"
                value="publish"
                checked={publish}
                onChange={() => {
                  setPublish(true);
                  reset();
                }}
              />{' '}
              {t('asPublished')}
            </label>
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !hydrated}>
            {t('check')}
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite" className="import-progress">
        {busy && progress ? (
          <>
            <label htmlFor="import-progress-bar">
              {progress.phase === 'checking'
                ? t('checking', {
                    done: format.number(progress.done),
                    total: format.number(progress.total),
                  })
                : t('writing', { total: format.number(progress.total) })}
            </label>{' '}
            {progress.phase === 'checking' ? (
              <progress id="import-progress-bar" max={progress.total} value={progress.done} />
            ) : (
              <progress id="import-progress-bar" />
            )}
          </>
        ) : busy ? (
          t('sending')
        ) : null}
      </div>

      {failure ? (
        <p className="alert" role="alert">
          {failure.message}
          {failure.status === 401 ? (
            <>
              {' '}
              <Link href={{ pathname: '/sign-in', query: { next: pathname } }}>
                {t('signInAgain')}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}

      {result ? <ImportReport result={result} /> : null}

      {canImport ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run('import')}
          >
            {t(isAdmin ? 'importSubmitted' : publish ? 'importPublished' : 'importDrafts', {
              count: result.counts.new,
            })}
          </button>
        </p>
      ) : null}
    </>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const t = useTranslations('data.import');
  const [page, setPage] = useState(0);
  const errors = [
    ...result.fileErrors.map((error) => ({ ...error, scope: 'file' as const })),
    ...result.rows.flatMap((row) =>
      row.errors.map((error) => ({ ...error, line: row.line, scope: 'row' as const })),
    ),
  ];
  const pages = Math.max(1, Math.ceil(result.rows.length / PAGE_SIZE));
  const shown = result.rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const done = !result.dryRun && result.ok;
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{result.dryRun ? t('previewTitle') : t('resultTitle')}</h2>
      <p className={result.ok ? 'notice' : 'alert'} role={result.ok ? undefined : 'alert'}>
        {done
          ? t('imported', {
              count: result.counts.new,
              state: t(`state.${result.state}`),
              skipped: result.counts.duplicate + result.counts.unchanged,
            })
          : result.ok
            ? t('wouldImport', {
                count: result.counts.new,
                state: t(`state.${result.state}`),
                skipped: result.counts.duplicate + result.counts.unchanged,
              })
            : result.fileErrors.length > 0
              ? t('fileRefused')
              : result.rows.length === 0
                ? t('refused', { status: result.status })
                : t('rowsRefused', { errors: result.counts.error, total: result.counts.total })}
      </p>
      {result.rows.length > 0 ? (
        <dl className="facts">
          {(['total', 'new', 'duplicate', 'unchanged', 'error'] as const).map((key) => (
            <div key={key}>
              <dt>{t(`counts.${key}`)}</dt>
              <dd>{result.counts[key]}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      {errors.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption>{t('errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((error, index) => {
                // Said in the page's language by its code; the English message is for scripts.
                const { link, text } = importErrorText(t, ERROR_TAGS, error, error.scope);
                return (
                  <tr key={index}>
                    <td>{error.line ?? '—'}</td>
                    <td>
                      {error.column ? (
                        <code lang="en" translate="no" dir="ltr">
                          {error.column}
                        </code>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {link ? `${link} ` : null}
                      {text}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {result.rows.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="data">
              <caption>
                {t('rowsCaption', {
                  from: page * PAGE_SIZE + 1,
                  to: page * PAGE_SIZE + shown.length,
                  total: result.rows.length,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('row')}</th>
                  <th scope="col">{t('commitment')}</th>
                  <th scope="col">{t('subject')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('asOf')}</th>
                  <th scope="col">{t('summary')}</th>
                  <th scope="col">{t('outcomeHeader')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.line} className={`outcome-${row.outcome}`}>
                    <td>{row.line}</td>
                    <td>
                      {done && row.entryId ? (
                        <Link href={`/commitments/${encodeURIComponent(row.commitment)}`}>
                          {row.commitment}
                        </Link>
                      ) : (
                        row.commitment
                      )}
                    </td>
                    <td>
                      <bdi>{row.subject}</bdi>
                    </td>
                    <td>{row.status}</td>
                    <td>{row.asOf}</td>
                    <td className="user-text" dir="auto">
                      {row.summary}
                    </td>
                    <td>
                      {row.errors.length > 0
                        ? t('outcome.errorCount', { count: row.errors.length })
                        : t(`outcome.${row.outcome}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav className="pagination" aria-label={t('rowPages')}>
              <button
                type="button"
                className="button secondary"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
              >
                {t('previousRows')}
              </button>{' '}
              <span>{t('pageOf', { page: page + 1, pages })}</span>{' '}
              <button
                type="button"
                className="button secondary"
                disabled={page + 1 >= pages}
                onClick={() => setPage(page + 1)}
              >
                {t('nextRows')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
