/** What every corpus-browser view shares: the index and how exports reach the reader. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { downloadText } from '../shared/export';
import type { Download } from './ExportButtons';

/** The download function views hand to their export buttons. */
export const DownloadContext = createContext<Download>(downloadText);

/** The download function in effect. */
export function useDownload(): Download {
  return useContext(DownloadContext);
}
