import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine, type ApertiumEngine } from '../engine.js';

const script = new URL('./build-lexicon.sh', import.meta.url).pathname;
let out: string;
let engine: ApertiumEngine;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'parley-lexicon-'));
  await promisify(execFile)('bash', [script, out]);
  engine = await createApertiumEngine({ parleyModesDir: join(out, 'modes') });
});

afterAll(async () => {
  await engine.close();
  await rm(out, { recursive: true, force: true });
});

async function enToEs(text: string): Promise<string> {
  const result = await engine.translate({ source: 'en', target: 'es', segments: [text] });
  return result.segments[0]!;
}

async function esToEn(text: string): Promise<string> {
  const result = await engine.translate({ source: 'es', target: 'en', segments: [text] });
  return result.segments[0]!;
}

describe('the support-domain eng-spa build', () => {
  it('writes a mode that runs the extended dictionaries with weighted analysis', async () => {
    const mode = await readFile(join(out, 'modes', 'eng-spa.mode'), 'utf8');
    expect(mode).toContain(`lt-proc -L 1 '${out}/eng-spa/eng-spa.automorf.bin'`);
    expect(mode).toContain(`${out}/eng-spa/eng-spa.support.lrx.bin`);
    expect(mode).toContain(`cg-proc '${out}/eng-spa/eng-spa.support.rlx.bin' | apertium-tagger`);
    expect(mode).toContain(`${out}/eng-spa/eng-spa.autogen.bin`);
  });

  it('is the mode the engine uses for English to Spanish', () => {
    const mode = engine.modes().find((m) => m.source === 'en' && m.target === 'es');
    expect(mode?.modeFile).toBe(join(out, 'modes', 'eng-spa.mode'));
  });

  it('translates please, order and sorry the way support mail does', async () => {
    expect(await enToEs('Please check your order.')).toBe('Por favor comprobar tu pedido.');
    expect(await enToEs('Sorry for the delay.')).toBe('Disculpa por el retraso.');
  });

  it('knows support words the stock dictionary lacks', async () => {
    const out = await enToEs('The courier has your shipment and your refund is at checkout.');
    expect(out).toContain('mensajero');
    expect(out).toContain('envío');
    expect(out).not.toMatch(/courier|shipment|checkout/);
  });

  it('asks whether there is anything else as support mail does', async () => {
    expect(await enToEs('Is there anything else I can help you with?')).toBe(
      '¿Hay algo más en lo que pueda ayudarte?',
    );
    expect(await enToEs('I would like to thank you for your patience.')).toBe(
      'Me gustaría agradecerte por tu paciencia.',
    );
  });

  it('is sorry to hear, and writes great as praise', async () => {
    expect(await enToEs("I'm sorry to hear that your order arrived damaged.")).toBe(
      'Lamento saber que tu pedido llegó averiado.',
    );
    expect(await enToEs('This is a great product.')).toBe('Esto es un producto excelente.');
  });

  it('writes work as trabajar for people and as funcionar for things', async () => {
    expect(await enToEs('Our team is working on a fix.')).toBe(
      'Nuestro equipo está trabajando en una solución.',
    );
    expect(await enToEs('The link should work now.')).toContain('funcionar ahora');
    expect(await enToEs('It does not work.')).toBe('No funciona.');
  });

  it('locks and unlocks accounts', async () => {
    expect(await enToEs('Your account has been locked.')).toBe('Tu cuenta ha sido bloqueada.');
    expect(await enToEs('Please unlock your account.')).toBe('Por favor desbloquear tu cuenta.');
  });

  it('translates sign-offs and phrasal verbs as fixed support phrases', async () => {
    expect(await enToEs('Kind regards')).toBe('Saludos cordiales');
    expect(await enToEs('Please log in to your account.')).toContain('iniciar sesión');
  });

  it('still splits English contractions', async () => {
    expect(await enToEs("We're here.")).toBe('Estamos aquí.');
  });

  it('writes a verb after being as a participle, not a past tense', async () => {
    expect(await enToEs('Your refund is being processed.')).toBe(
      'Tu reembolso está siendo procesado.',
    );
    expect(await enToEs('The parcels are being prepared.')).toBe(
      'Los paquetes están siendo preparados.',
    );
  });

  it('writes a verb after have as a participle, with or without an adverb between', async () => {
    expect(await enToEs('Your parcel has already shipped.')).toBe('Tu paquete ya ha enviado.');
  });

  it('writes what someone is kept as a participle', async () => {
    expect(await enToEs('We will keep you updated.')).toContain('actualizado');
  });

  it('writes a verb after a fixed phrase ending in to as a verb, not a noun', async () => {
    expect(await enToEs('We are happy to help.')).toBe('Nos alegra ayudar.');
    expect(await enToEs('Feel free to use the app.')).toBe('No dudes en utilizar la aplicación.');
  });

  it('reads let me and the verb after it as verbs, not a participle and a noun', async () => {
    expect(await enToEs('Let me look into this.')).toBe('Dejarme revisar esto.');
  });

  it('writes it and you after a verb as its object', async () => {
    expect(await enToEs('I am writing to inform you about your order.')).toBe(
      'Estoy escribiendo para informarte sobre tu pedido.',
    );
    expect(await enToEs('Please quote it in your reply.')).toBe(
      'Por favor citarlo en tu respuesta.',
    );
  });

  it('writes an instruction opening a sentence or after please as a verb', async () => {
    expect(await enToEs('Check your order.')).toBe('Comprobar tu pedido.');
    expect(await enToEs('Please reset your password.')).toBe(
      'Por favor restablecer tu contraseña.',
    );
  });

  it('knows reset, billing and a full refund', async () => {
    expect(await enToEs('I have reset your password.')).toBe('He restablecido tu contraseña.');
    expect(await enToEs('Please update your billing address.')).toBe(
      'Por favor actualizar tu dirección de facturación.',
    );
    expect(await enToEs('We have issued a full refund.')).toBe(
      'Hemos emitido un reembolso completo.',
    );
  });

  it('writes every form of the support words the stock Spanish generator lacks', async () => {
    expect(await enToEs('I have escalated your ticket.')).toBe('He escalado tu incidencia.');
    expect(await enToEs('We have deactivated your account.')).toBe('Hemos desactivado tu cuenta.');
    expect(await enToEs('We accept returns within 30 days.')).toContain('devoluciones');
  });

  it('reads resent as the past of resend, and reach out in every form', async () => {
    expect(await enToEs('We have resent your code.')).toBe('Hemos reenviado tu código.');
    expect(await enToEs('Feel free to reach out.')).toBe('No dudes en contactar.');
  });

  it('writes return as devolver for what was bought, and as regresar for going back', async () => {
    expect(await enToEs('Return the product in its box.')).toBe('Devolver el producto en su caja.');
    expect(await enToEs('I will return on Monday.')).toBe('Regresaré el lunes.');
  });

  it('writes that before the end of a sentence as a pronoun, not a conjunction', async () => {
    expect(await enToEs('We have done that.')).toBe('Hemos hecho aquello.');
  });

  it('writes be as estar for how and where something is, and as ser for what it is', async () => {
    expect(await enToEs('The app is not available.')).toBe('La aplicación no está disponible.');
    expect(await enToEs('Your parcel is on its way.')).toBe('Tu paquete está en su camino.');
    expect(await enToEs('Your invoice was in the email.')).toContain('estaba en');
    expect(await enToEs('Where is the receipt?')).toContain('está el recibo');
    expect(await enToEs('This is important.')).toBe('Esto es importante.');
    expect(await enToEs('The webinar is on Monday.')).toBe('El seminario web es el lunes.');
  });
});

describe('the support-domain spa-eng build', () => {
  it('writes a mode that runs the extended dictionaries and the support lexical selection', async () => {
    const mode = await readFile(join(out, 'modes', 'spa-eng.mode'), 'utf8');
    expect(mode).toContain(`lt-proc '${out}/spa-eng/spa-eng.automorf.bin'`);
    expect(mode).toContain(`lrx-proc -m '${out}/spa-eng/spa-eng.support.lrx.bin' | lrx-proc`);
    expect(mode).toContain(`${out}/spa-eng/spa-eng.autobil.bin`);
    expect(mode).toContain(`${out}/spa-eng/spa-eng.autogen.bin`);
  });

  it('is the mode the engine uses for Spanish to English', () => {
    const mode = engine.modes().find((m) => m.source === 'es' && m.target === 'en');
    expect(mode?.modeFile).toBe(join(out, 'modes', 'spa-eng.mode'));
  });

  it('reads orders, refunds, shipping and customers in their support sense', async () => {
    expect(await esToEn('El pedido')).toBe('The order');
    expect(await esToEn('Quiero un reembolso.')).toBe('I want a refund.');
    expect(await esToEn('El cliente paga el envío.')).toBe('The customer pays the shipping.');
  });

  it('reads su as your before what a customer writes about, and leaves it alone elsewhere', async () => {
    expect(await esToEn('Su pedido')).toBe('Your order');
    expect(await esToEn('Sus facturas')).toBe('Your invoices');
    expect(await esToEn('Su padre')).toBe('His father');
  });

  it('understands spellings without accents and chat abbreviations', async () => {
    expect(await esToEn('El envio')).toBe('The shipping');
    expect(await esToEn('La devolucion')).toBe('The return');
    expect(await esToEn('Gracias x todo')).toBe('Thanks for everything');
    expect(await esToEn('Tb quiero el numero de seguimiento')).toBe(
      'Also I want the tracking number',
    );
  });

  it('translates greetings, apologies and sign-offs as the fixed phrases they are', async () => {
    expect(await esToEn('Estimado cliente:')).toBe('Dear customer:');
    expect(await esToEn('Disculpe las molestias.')).toBe('Sorry for the inconvenience.');
    expect(await esToEn('Un cordial saludo')).toBe('Best regards');
    expect(await esToEn('Atentamente,')).toBe('Sincerely,');
  });

  it('reads consulta as a query when it is the customer’s, and leaves the stock sense elsewhere', async () => {
    expect(await esToEn('Gracias de nuevo por tu consulta.')).toBe('Thanks again for your query.');
    expect(await esToEn('La consulta')).toBe('The surgery');
  });

  it('reads a customer’s unsaid first person: my name is, I would like, can you help me', async () => {
    expect(await esToEn('Me llamo Marta.')).toBe('My name is Marta.');
    expect(await esToEn('Le escribo porque mi cuenta está bloqueada.')).toBe(
      'I am writing to you because my account is blocked.',
    );
    expect(await esToEn('Quisiera un reembolso.')).toBe('I would like a refund.');
    expect(await esToEn('Me gustaría cambiar mi contraseña.')).toBe(
      'I would like to change my password.',
    );
    expect(await esToEn('¿Me podrían ayudar?')).toBe('Could you help me?');
  });

  it('reads devolver as return, not as give back', async () => {
    expect(await esToEn('Quiero devolver los zapatos.')).toBe('I want to return the shoes.');
  });

  it('keeps the ordinary sense of a sign-off word inside a sentence', async () => {
    expect(await esToEn('Lea atentamente las instrucciones.')).toBe(
      'Read attentively the instructions.',
    );
  });
  it('reads frequent general words in their usual sense, not the stock rarer one', async () => {
    expect(await esToEn('Trabaja como profesor entre Madrid y Lisboa.')).toBe(
      'It works as professor between Madrid and Lisbon.',
    );
    expect(await esToEn('Un estudio reciente lo confirma.')).toBe('A recent study confirms it.');
    expect(await esToEn('Actualmente hay aproximadamente cien tiendas.')).toBe(
      'Currently there is about one hundred stores.',
    );
    expect(await esToEn('Muchos clientes entraron en la tienda.')).toBe(
      'Many customers entered into the store.',
    );
    expect(await esToEn('A pesar de la lluvia, afirmó que vendría.')).toBe(
      'Despite the rain, stated that it would come.',
    );
  });

  it('reads cerca de as near, and así before a comma as thus', async () => {
    expect(await esToEn('Vive cerca de la tienda.')).toBe('It lives near the store.');
    expect(await esToEn('Así, el paquete llegó tarde.')).toBe('Thus, the package arrived late.');
    expect(await esToEn('Lo hizo así.')).toBe('It did it like this.');
  });

  it('reads gran before a noun as great and grande as large', async () => {
    expect(await esToEn('Un gran número de cajas grandes.')).toBe('A great number of large boxes.');
  });

  it('reads luego as then and después alone as later', async () => {
    expect(await esToEn('Luego llegó el paquete y después llamamos.')).toBe(
      'Then it arrived the package and later call.',
    );
  });

  it('reads que after a comma as which, and as who after a name', async () => {
    expect(await esToEn('El paquete, que llegó ayer, estaba roto.')).toBe(
      'The package, which arrived yesterday, was broken.',
    );
    expect(await esToEn('María, que trabaja aquí, llamó.')).toBe('María, who works here, called.');
    expect(await esToEn('Dijo que vendría.')).toBe('It said that it would come.');
  });

  it('reads lo que after a comma as which, and alone as what', async () => {
    expect(await esToEn('Cancelé el pedido, lo que es raro.')).toBe(
      'I cancelled the order, which is rare.',
    );
    expect(await esToEn('Lo que dijo es cierto.')).toBe('What said is true.');
  });

  it('reads que after a comparative as than', async () => {
    expect(await esToEn('El envío es más rápido que el otro.')).toBe(
      'The shipping is faster than the other.',
    );
  });

  it('reads de as from after a verb of motion and in a range, and as of elsewhere', async () => {
    expect(await esToEn('El paquete vino de Madrid.')).toBe('The package came from Madrid.');
    expect(await esToEn('El precio subió de 10 a 20 euros.')).toBe(
      'The price went up from 10 to 20 euros.',
    );
    expect(await esToEn('La casa de mi padre.')).toBe('The house of my father.');
  });

  it('reads hacer before an indefinite object as make, and as do elsewhere', async () => {
    expect(await esToEn('Hizo una pregunta sobre la factura.')).toBe(
      'It made a question about the invoice.',
    );
    expect(await esToEn('Hace el trabajo.')).toBe('It does the work.');
  });

  it('reads pasar before an amount of time as spend, and as happen elsewhere', async () => {
    expect(await esToEn('Pasó dos años en Lisboa.')).toBe('It spent two years in Lisbon.');
    expect(await esToEn('Eso pasó ayer.')).toBe('This happened yesterday.');
  });

  it('reads durante before an amount as for, and as during elsewhere', async () => {
    expect(await esToEn('Esperé durante dos horas.')).toBe('I expected for two hours.');
    expect(await esToEn('Durante la llamada, colgó.')).toBe('During the call, hanged.');
  });

  it('reads more general words in their usual sense', async () => {
    expect(await esToEn('El envío se retrasó debido a la lluvia.')).toContain('due to the rain');
    expect(await esToEn('Caminó hacia la puerta.')).toBe('It walked towards the door.');
    expect(await esToEn('No llamó ni escribió.')).toBe('It did not call nor it wrote.');
    expect(await esToEn('Declaró que la enfermedad es grave.')).toBe(
      'It said that the disease is grave.',
    );
    expect(await esToEn('El piloto del avión fue herido.')).toBe(
      'The pilot of the plane was injured.',
    );
    expect(await esToEn('Mientras que el pedido llegó, la factura no.')).toMatch(/^While /);
  });

  it('reads frequent nouns in their usual sense, not the stock rarer one', async () => {
    expect(await esToEn('La tormenta causó daños en el edificio.')).toBe(
      'The storm caused damages in the building.',
    );
    expect(await esToEn('Los niños jugaban en la zona.')).toBe('The children played in the area.');
    expect(await esToEn('Valoro el esfuerzo.')).toBe('I value the effort.');
    expect(await esToEn('Cayó al suelo.')).toBe('It fell to the ground.');
  });

  it('reads frequent verbs in their usual sense, not the stock rarer one', async () => {
    expect(await esToEn('Los precios aumentaron.')).toBe('The prices increased.');
    expect(await esToEn('Evitó el tráfico y terminó el informe.')).toBe(
      'It avoided the traffic and finished the report.',
    );
    expect(await esToEn('Parece que no comprende.')).toBe('It seems that it does not understand.');
    expect(await esToEn('Logró el objetivo e inició el proyecto.')).toBe(
      'It achieved the aim and started the project.',
    );
    expect(await esToEn('Lleva las cajas al coche.')).toBe('It takes the boxes to the car.');
  });

  it('reads frequent verbs of news text in their usual sense, not the stock rarer one', async () => {
    expect(await esToEn('El partido apoyó la ley y rechazó el plan.')).toBe(
      'The party supported the law and rejected the plan.',
    );
    expect(await esToEn('Luchó contra el fuego y golpeó la puerta.')).toBe(
      'It fought against the fire and hit the door.',
    );
    expect(await esToEn('Emplearon agua y desplazaron las cajas.')).toBe(
      'They used water and moved the boxes.',
    );
    expect(await esToEn('Criticó el acuerdo y violó la norma.')).toBe(
      'It criticised the agreement and violated the norm.',
    );
  });

  it('reads ante as before and a causa de as because of', async () => {
    expect(await esToEn('Compareció ante el juez.')).toBe('It appeared before the judge.');
    expect(await esToEn('Cerraron a causa de la nieve.')).toBe('They closed because of the snow.');
  });

  it('reads desde before a year as since, desde hace as for, and desde in a range as from', async () => {
    expect(await esToEn('Trabaja aquí desde 2015.')).toBe('It works here since 2015.');
    expect(await esToEn('Espera desde hace dos horas.')).toBe('Wait for two hours.');
    expect(await esToEn('Abrió desde 2015 hasta 2018.')).toBe('It opened from 2015 up to 2018.');
  });

  it('reads sobre after words of speech and knowledge as about, and as on elsewhere', async () => {
    expect(await esToEn('Hablaron sobre el precio.')).toBe('They spoke about the price.');
    expect(await esToEn('La caja está sobre la mesa.')).toBe('The box is on the table.');
  });

  it('reads more frequent nouns and adjectives in their usual sense, not the stock rarer one', async () => {
    expect(await esToEn('El cielo estaba alto y la tasa subió.')).toBe(
      'The sky was high and the rate went up.',
    );
    expect(await esToEn('Los electores recibieron una carta.')).toBe(
      'The voters received a letter.',
    );
    expect(await esToEn('La red existente usa otra lengua.')).toBe(
      'The existing network uses another language.',
    );
    expect(await esToEn('Un estudio posterior lo confirmó.')).toBe('A later study confirmed it.');
    expect(await esToEn('Los agricultores compraron billetes.')).toBe(
      'The farmers bought tickets.',
    );
  });

  it('reads política before an adjective or de as policy, and as politics alone', async () => {
    expect(await esToEn('La política exterior cambió.')).toBe('The external policy changed.');
    expect(await esToEn('Le interesa la política.')).toBe('It interests him the politics.');
  });

  it('reads además, asimismo and igualmente as also, and igualmente before an adjective as equally', async () => {
    expect(await esToEn('Además, llegó tarde.')).toBe('Also, it arrived late.');
    expect(await esToEn('Asimismo, habló.')).toBe('Also, it spoke.');
    expect(await esToEn('Igualmente, votó.')).toBe('Also, it voted.');
    expect(await esToEn('Es igualmente importante.')).toBe('It is equally important.');
  });

  it('reads se trata de as it is', async () => {
    expect(await esToEn('Se trata de un problema grave.')).toBe('It is a grave problem.');
    expect(await esToEn('Se trataba de una especie rara.')).toBe('It was a rare species.');
  });

  it('reads se encuentra and se halla as the verb be, of where something is', async () => {
    expect(await esToEn('La ciudad se encuentra en el norte.')).toBe('The city is in the north.');
    expect(await esToEn('Los museos se hallaban cerca.')).toBe('The museums were near.');
  });

  it('reads tratar de before an infinitive as try to, and tratar elsewhere as treat', async () => {
    expect(await esToEn('Trataron de huir.')).toBe('They tried to escape.');
    expect(await esToEn('Trataron la herida.')).toBe('They treated the wound.');
  });

  it('reads alcanzar as reach and aspecto as aspect', async () => {
    expect(await esToEn('Alcanzó la cima.')).toBe('It reached the peak.');
    expect(await esToEn('Es un aspecto importante.')).toBe('It is an important aspect.');
  });

  it('reads a medida que as as', async () => {
    expect(await esToEn('A medida que crece, cambia.')).toBe('As it grows, it changes.');
  });

  it('reads medio before a noun as half, and as middle after one', async () => {
    expect(await esToEn('Esperé media hora.')).toBe('I expected half hour.');
    expect(await esToEn('Es de clase media.')).toBe('It is of middle class.');
  });

  it('reads diverso before a noun as various, and as diverse elsewhere', async () => {
    expect(await esToEn('Había diversos problemas.')).toBe('There was various problems.');
    expect(await esToEn('Las culturas son diversas.')).toBe('The cultures are diverse.');
  });

  it('reads su as their after a plural verb, unless it is what a customer writes about', async () => {
    expect(await esToEn('Los técnicos revisaron sus informes.')).toBe(
      'The technicians revised their reports.',
    );
    expect(await esToEn('Los clientes perdieron su pedido.')).toBe(
      'The customers lost your order.',
    );
  });

  it('reads como after a comma as such as, and as as elsewhere', async () => {
    expect(await esToEn('Algunos países, como Francia, lo saben.')).toBe(
      'Some countries, such as France, know it.',
    );
    expect(await esToEn('Trabaja como profesor.')).toBe('It works as professor.');
  });

  it('reads en as at before a place of events, as into after a verb of division, and as in elsewhere', async () => {
    expect(await esToEn('Lo vi en el aeropuerto.')).toBe('I saw it at the airport.');
    expect(await esToEn('Lo dividió en dos partes.')).toBe('It divided it into two parts.');
    expect(await esToEn('Vive en Madrid.')).toBe('It lives in Madrid.');
  });

  it('reads days after the article as on Monday', async () => {
    expect(await esToEn('El paquete llegó el lunes.')).toBe('The package arrived on Monday.');
    expect(await esToEn('El lunes, llegó.')).toBe('On Monday, it arrived.');
    expect(await esToEn('Los lunes cerramos.')).toBe('On Mondays we close.');
  });

  it('reads la mayoría de as most of, and la mayoría alone as the majority', async () => {
    expect(await esToEn('La mayoría de los pedidos llegó.')).toBe('Most of the orders arrived.');
    expect(await esToEn('La mayoría votó.')).toBe('The majority voted.');
  });

  it('reads hasta before a number as up to, and as until elsewhere', async () => {
    expect(await esToEn('Hay hasta 20 cajas.')).toBe('There is up to 20 boxes.');
    expect(await esToEn('Esperé hasta la noche.')).toBe('I expected until the night.');
  });

  it('reads time adverbials as English ones', async () => {
    expect(await esToEn('A finales de 2010 abrió la tienda.')).toMatch(/^In late 2010 /);
    expect(await esToEn('En ese momento llamó.')).toMatch(/^At that time /);
  });

  it('reads EE. UU. as one name, not two unknown words and two sentence ends', async () => {
    expect(await esToEn('Las tropas de EE. UU. llegaron.')).toBe('The troops of U.S. arrived.');
  });

  it('writes a multiword preposition opening a sentence with one capital, not in capitals', async () => {
    expect(await esToEn('Debido a la lluvia, el vuelo salió tarde.')).toMatch(/^Due to the rain, /);
  });

  it('reads deber in the present as must, and in other tenses as have to', async () => {
    expect(await esToEn('Los clientes deben leer las condiciones.')).toBe(
      'The customers must read the conditions.',
    );
    expect(await esToEn('Debías llamar antes.')).toBe('You had to call before.');
  });

  it('reads su as its after a country or an institution and its verb, and as his after a person', async () => {
    expect(await esToEn('El gobierno ha presentado su informe.')).toBe(
      'The government has presented its report.',
    );
    expect(await esToEn('Francia presentó su informe.')).toBe('France presented its report.');
    expect(await esToEn('El presidente presentó su informe.')).toBe(
      'The president presented his report.',
    );
  });
});

describe('the first legs of the bridges through Spanish', () => {
  async function toSpanish(source: string, text: string): Promise<string> {
    const result = await engine.translate({ source, target: 'es', segments: [text] });
    return result.segments[0]!;
  }

  it.each([
    ['it', 'ita-spa'],
    ['fr', 'fr-es'],
    ['pt', 'pt-es'],
    ['gl', 'gl-es'],
    ['ca', 'cat-spa'],
    ['ro', 'ro-es'],
  ])('serves %s to Spanish with the general-word build %s', (source, mode) => {
    const served = engine.modes().find((m) => m.source === source && m.target === 'es');
    expect(served?.modeFile).toBe(join(out, 'modes', `${mode}.mode`));
  });

  it('knows Italian general words the stock pair left unknown, with their inflections', async () => {
    expect(await toSpanish('it', 'La polizia ha arrestato i soldati vicino al sito.')).toBe(
      'La policía ha arrestado los soldados cerca del sitio.',
    );
    expect(await toSpanish('it', 'Le tartarughe e i leader.')).toBe('Las tortugas y los líderes.');
    expect(await toSpanish('it', 'Gli sceneggiatori e il manager.')).toBe(
      'Los guionistas y el gerente.',
    );
  });

  it('knows Italian determiners the stock pair left unknown or did not inflect in Spanish', async () => {
    expect(await toSpanish('it', 'In quei giorni molti uomini non avevano nessun lavoro.')).toBe(
      'En aquellos días muchos hombres no tenían ningún trabajo.',
    );
  });

  it('knows the Italian names of countries and cities', async () => {
    expect(await toSpanish('it', 'La Germania, il Giappone e Parigi.')).toBe(
      'La Alemania, el Japón y París.',
    );
  });

  it('knows French general words the stock pair left unknown, with their inflections', async () => {
    expect(await toSpanish('fr', 'Précédemment, une ligne téléphonique sophistiquée.')).toBe(
      'Anteriormente, una línea telefónica sofisticada.',
    );
    expect(await toSpanish('fr', 'Ils ont acheté des épices pour la navette.')).toContain(
      'especias para la lanzadera',
    );
    expect(await toSpanish('fr', 'Les escargots et les lézards mangent des céréales.')).toBe(
      'Los caracoles y los lagartos comen cereales.',
    );
  });

  it('reads a French customer’s parcel, order, greeting and thanks in their support sense', async () => {
    expect(
      await toSpanish('fr', "Bonjour, ma commande n'est pas arrivée et le colis est défectueux."),
    ).toBe('Hola, mi pedido no ha llegado y el paquete es defectuoso.');
    expect(await toSpanish('fr', "Merci d'avance")).toBe('Gracias de antemano');
    expect(await toSpanish('fr', "Pouvez-vous m'aider ?")).toBe('¿Pueden ayudarme ?');
  });

  it('reads an Italian customer’s order after a possessive, and leaves the stock orden elsewhere', async () => {
    expect(await toSpanish('it', 'Il mio ordine è arrivato ma il pacco era aperto.')).toBe(
      'Mi pedido ha llegado pero el paquete estaba abierto.',
    );
    expect(await toSpanish('it', 'In ordine alfabetico.')).toBe('En orden alfabética.');
  });

  it('knows an Italian customer’s account, faulty product, thanks and sign-off', async () => {
    expect(await toSpanish('it', 'Il prodotto è difettoso. Grazie mille')).toBe(
      'El producto es defectuoso. Muchas gracias',
    );
    expect(await toSpanish('it', 'Cordiali saluti')).toBe('Saludos cordiales');
  });

  it('reads a Portuguese customer’s encomenda as an order and knows the tracking number', async () => {
    expect(await toSpanish('pt', 'A minha encomenda tem número de rastreio?')).toBe(
      '¿Mi pedido tiene número de seguimiento?',
    );
  });

  it('knows Portuguese general words the stock pair left unknown', async () => {
    expect(await toSpanish('pt', 'Os pratos da festa tinham repolho e tartaruga.')).toBe(
      'Los platos de la fiesta tenían col y tortuga.',
    );
    expect(await toSpanish('pt', 'Os caracóis e os lagartos comeram as castanhas.')).toBe(
      'Los caracoles y los lagartos comieron las castañas.',
    );
  });

  it('knows Galician general words the stock pair left unknown', async () => {
    expect(await toSpanish('gl', 'Perante a frota, os superviventes agardaban.')).toBe(
      'Ante la flota, los supervivientes esperaban.',
    );
  });

  it('knows Catalan general words the stock pair left unknown', async () => {
    expect(await toSpanish('ca', 'Els vaccins contra la grip aviària arriben avui.')).toBe(
      'Las vacunas contra la gripe aviar llegan hoy.',
    );
  });

  it('knows Romanian general words the stock pair left unknown, with their case and definite forms', async () => {
    expect(await toSpanish('ro', 'Tsunamiul a lovit coastele.')).toBe(
      'El tsunami golpeó las costas.',
    );
    expect(await toSpanish('ro', 'Rozătoarele și viețuitoarele trăiesc aici.')).toBe(
      'Los roedores y las criaturas viven aquí.',
    );
    expect(await toSpanish('ro', 'Supraîncălzirea navetei.')).toBe(
      'El sobrecalentamiento del transbordador.',
    );
    expect(await toSpanish('ro', 'Am găsit două ciuperci.')).toBe('Encontré dos hongos.');
    expect(await toSpanish('ro', 'Travaliul a durat. Ocelotul și oceloții.')).toBe(
      'El parto duró. El ocelote y los ocelotes.',
    );
  });

  it('reads a Romanian customer’s comandă as an order, urmărire as tracking and întârziere as a delay', async () => {
    expect(await toSpanish('ro', 'Comenzile au sosit ieri.')).toBe('Los pedidos arribaron ayer.');
    expect(await toSpanish('ro', 'Numărul de urmărire al coletului.')).toBe(
      'El número de seguimiento del paquete.',
    );
    expect(await toSpanish('ro', 'Livrarea a întârziat. Scuze pentru întârziere.')).toBe(
      'La entrega retrasó. Excusas para el retraso.',
    );
  });

  it('knows a Romanian customer’s thanks in advance, please and sign-off', async () => {
    expect(await toSpanish('ro', 'Mulțumesc anticipat! Vă rog. Cu stimă,')).toBe(
      '¡Gracias de antemano! Por favor. Atentamente,',
    );
  });

  it('writes the possessive a Romanian noun takes after it before the noun in Spanish', async () => {
    expect(await toSpanish('ro', 'Comanda mea nu a ajuns.')).toBe('Mi pedido no llegó.');
    expect(await toSpanish('ro', 'Unde este coletul meu?')).toBe('¿Dónde está mi paquete?');
    expect(await toSpanish('ro', 'Casa noastră.')).toBe('Nuestra casa.');
    expect(await toSpanish('ro', 'Președintele și țara sa.')).toBe('El presidente y su país.');
  });

  it('writes the ser ro-es puts before a participle in a form the Spanish generator has', async () => {
    expect(await toSpanish('ro', 'Coletul este deteriorat.')).toBe('El paquete es deteriorado.');
  });

  it('reads Romanian o before a feminine noun as the article, not the adverb o (or)', async () => {
    expect(await toSpanish('ro', 'Am o problemă cu o comandă.')).toBe(
      'Tengo un problema con un pedido.',
    );
  });

  it('reads Romanian a customer writes without diacritics as it reads it written with them', async () => {
    expect(
      await toSpanish('ro', 'Buna ziua, comanda nu a ajuns inca si nu stiu cand ajunge.'),
    ).toBe(await toSpanish('ro', 'Bună ziua, comanda nu a ajuns încă și nu știu când ajunge.'));
    expect(await toSpanish('ro', 'Multumesc pentru raspuns, dupa care astept.')).toBe(
      await toSpanish('ro', 'Mulțumesc pentru răspuns, după care aștept.'),
    );
    expect(await toSpanish('ro', 'Am încercat sa ma conectez.')).toBe(
      await toSpanish('ro', 'Am încercat să mă conectez.'),
    );
  });

  it('knows the Romanian pronouns written after a hyphen', async () => {
    expect(await toSpanish('ro', 'Să-mi spui.')).toBe('Que me digas.');
    expect(await toSpanish('ro', 'Vrea să-l vadă.')).toBe('Quiere que lo vea.');
  });
});

describe('the lexicon build', () => {
  it('refuses a source without entries instead of appending an empty dictionary to the stock one', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'parley-lexicon-src-'));
    try {
      await cp(dirname(script), copy, { recursive: true });
      const source = join(copy, 'general.fr-es.spa.dix');
      const emptied = (await readFile(source, 'utf8'))
        .split('\n')
        .filter((line) => !/<e[ >]/.test(line))
        .join('\n');
      await writeFile(source, emptied);
      const build = promisify(execFile)('bash', [
        join(copy, 'build-lexicon.sh'),
        join(copy, 'out'),
      ]);
      await expect(build).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('general.fr-es.spa.dix has no entries'),
      });
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
