/**
 * Garden's theme as CSS custom properties, so sidebar.css lays the sidebar out with the helpdesk's
 * own colours, spacing and type, light or dark as the theme is, instead of copies of them.
 */
import { getColor, type IGardenTheme } from '@zendeskgarden/react-theming';
import { createGlobalStyle, type ExecutionContext } from 'styled-components';

type Themed = ExecutionContext;
/** Garden's ThemeProvider puts its theme in styled-components' (untyped) theme context. */
const garden = ({ theme }: Themed) => theme as IGardenTheme;
const color = (variable: string) => (props: Themed) => getColor({ theme: garden(props), variable });
const space = (size: keyof IGardenTheme['space']) => (props: Themed) => garden(props).space[size];

export const ThemeVariables = createGlobalStyle`
  :root {
    color-scheme: ${(props) => garden(props).colors.base};
    --parley-foreground: ${color('foreground.default')};
    --parley-foreground-subtle: ${color('foreground.subtle')};
    --parley-foreground-success: ${color('foreground.success')};
    --parley-foreground-warning: ${color('foreground.warning')};
    --parley-background: ${color('background.default')};
    --parley-border: ${color('border.default')};
    --parley-border-customer: ${color('border.primaryEmphasis')};
    --parley-space-xxs: ${space('xxs')};
    --parley-space-xs: ${space('xs')};
    --parley-space-sm: ${space('sm')};
    --parley-space-md: ${space('md')};
    --parley-font-size-sm: ${(props) => garden(props).fontSizes.sm};
    --parley-font-size-md: ${(props) => garden(props).fontSizes.md};
    --parley-font-weight-semibold: ${(props) => garden(props).fontWeights.semibold};
    --parley-border-width: ${(props) => garden(props).borderWidths.md};
  }
  body {
    font-family: ${(props) => garden(props).fonts.system};
    font-size: var(--parley-font-size-md);
    color: var(--parley-foreground);
    background: var(--parley-background);
  }
`;
