import browser from 'webextension-polyfill';
import { openTalklogDb } from '../db/database';
import { followActiveTabBadge } from './badge';
import { CLIP_COMMAND, clipActiveTab } from './clip-command';

const db = openTalklogDb();

browser.commands.onCommand.addListener((command) => {
  if (command === CLIP_COMMAND) void clipActiveTab(db);
});

followActiveTabBadge(db);
