import { render } from 'preact';
import browser from '../../shared/browser';

function Options() {
  return <h1>{browser.i18n.getMessage('extName')}</h1>;
}

render(<Options />, document.getElementById('app') as HTMLElement);
