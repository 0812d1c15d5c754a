/** src/message-codes.ts (the typed code lists) from data/messages.yaml. */
import { CODES_FILE, readMessages, renderCodesModule } from '../messages.js';
import { settle, type Generator } from './artefacts.js';

export const messages: Generator = {
  name: 'messages',
  describe: 'src/message-codes.ts from data/messages.yaml',
  run: async (mode) => settle('messages', mode, [{ path: CODES_FILE, content: renderCodesModule(readMessages()) }]),
};
