import { render } from 'preact';
import browser from '../../shared/browser';

function Popup() {
  return <h1>{browser.i18n.getMessage('extName')}</h1>;
}

render(<Popup />, document.getElementById('app') as HTMLElement);
