// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findActivatedControl } from './generate-control';

/** The Generate control an event went through, or null, as the detector sees it. */
const findGenerateControl = (path: EventTarget[]) => {
  const found = findActivatedControl(path);
  return found?.captioned ? found.control : null;
};

/** The composed path a click on `target` would have. */
function pathOf(target: Element): EventTarget[] {
  let path: EventTarget[] = [];
  target.addEventListener('click', (e) => (path = e.composedPath()), { once: true });
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  return path;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findGenerateControl', () => {
  it.each([
    ['a button', '<button>Generate</button>', 'button'],
    ['an icon inside a button', '<button><svg></svg><span>GENERATE</span></button>', 'span'],
    ['a submit input', '<input type="submit" value="Generate">', 'input'],
    ['a role=button', '<div role="button" tabindex="0">Generate API key</div>', 'div'],
    ['an aria-labelled button', '<button aria-label="Generate key"><svg></svg></button>', 'svg'],
    ['a div with no role', '<div class="btn"><span>Generate</span></div>', 'span'],
    ['a German button', '<button>Generieren</button>', 'button'],
    ['a French button', '<button>Générer</button>', 'button'],
    ['a Spanish button', '<button>Generar clave</button>', 'button'],
  ])('finds %s', (_label, html, clicked) => {
    document.body.innerHTML = html;
    expect(findGenerateControl(pathOf(document.querySelector(clicked)!))).not.toBeNull();
  });

  it('finds a button inside an open shadow root', () => {
    document.body.innerHTML = '<sr-form></sr-form>';
    const shadow = document.querySelector('sr-form')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button><span>Generate</span></button>';
    const found = findGenerateControl(pathOf(shadow.querySelector('span')!));
    expect(found).toBe(shadow.querySelector('button'));
  });

  it.each([
    ['another button', '<button>Generate report</button>', 'button'],
    ['a Next button', '<button>Next</button>', 'button'],
    ['text outside any button', '<p>Click Generate to continue</p>', 'p'],
    ['a field whose value is Generate', '<input value="Generate">', 'input'],
    ['a caption too far from the click', '<div>Generate<i><b><u>x</u></b></i></div>', 'u'],
    ['a non-Generate button around a Generate label', '<button aria-label="Close"><span>Generate</span></button>', 'span'],
  ])('ignores %s', (_label, html, clicked) => {
    document.body.innerHTML = html;
    expect(findGenerateControl(pathOf(document.querySelector(clicked)!))).toBeNull();
  });

  it("reports any other button too, as not captioned: the flow's shape decides then", () => {
    document.body.innerHTML = '<form><input value="x"><button>生成</button></form>';
    const found = findActivatedControl(pathOf(document.querySelector('button')!));
    expect(found).toEqual({ control: document.querySelector('button'), captioned: false });
  });
});
