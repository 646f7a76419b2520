/// <reference types="@crxjs/vite-plugin/client" />
/**
 * Where the build put the on-demand card UI script. crxjs builds a `?iife` import as a standalone
 * IIFE and gives its file name; imported here, in the background, it is not listed in
 * web_accessible_resources (pages cannot fetch it), only injected with scripting.executeScript.
 */
import cardUiFile from '../page/card-ui?iife';

/** The card UI script's path inside the extension. */
export const CARD_UI_PATH: string = cardUiFile;
