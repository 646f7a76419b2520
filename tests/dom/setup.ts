// DOM tests run outside an extension: give the i18n helper the English messages to fall back on.
import messages from '../../public/_locales/en/messages.json';
import { setFallbackMessages } from '../../src/ui/shared/i18n';

setFallbackMessages(messages);
