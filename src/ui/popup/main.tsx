import { render } from 'preact';
import '../popup/base.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app') as HTMLElement);
