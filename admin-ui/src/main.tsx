import { render } from 'preact'
import { App } from './app'
import { I18nProvider } from './i18n'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import './styles/list.css'
import './styles/editor.css'
import './styles/media.css'
import './styles/newsroom.css'
import './styles/webhooks.css'

render(
  <I18nProvider>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
)
