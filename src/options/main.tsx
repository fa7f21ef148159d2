import { render } from 'preact';
import { openTalklogDb } from '../db/database';
import '../ui/theme.css';
import './library.css';
import { LibraryApp } from './LibraryApp';

render(<LibraryApp db={openTalklogDb()} />, document.getElementById('app')!);
