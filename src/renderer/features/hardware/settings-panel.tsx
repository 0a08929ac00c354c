/**
 * The Hardware screen's "Device settings": one group per role with the settings an installer sets — the
 * receipt printer (network, USB file or serial; language, paper, code page, model, logo), the cash drawer,
 * and the scanner and pole display once "Find devices" has given them a port. "Save settings" checks the
 * whole configuration with the device service's own schema first: when anything is wrong, each wrong
 * input says why and nothing is sent; otherwise the configuration goes out as a whole through
 * `hardware:configure`, each role keeping whether it is a virtual twin.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { DevicesConfig } from '@till/shared/devices/config';
import { roleWords } from './hardware-words';
import { hardwareKeys, saveConfig } from './queries';
import { type SettingsErrors, checkSettings } from './settings-check';
import { DrawerSettings } from './settings-drawer';
import { type SettingsForm, formFromConfig } from './settings-form';
import { PrinterSettings } from './settings-printer';
import { DisplaySettings, ScannerSettings } from './settings-serial-roles';

/** The panel; the inputs start again from the stored configuration each time it changes. */
export function SettingsPanel({ config }: { config: DevicesConfig | null }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveConfig,
    onSuccess: () => setMessage('Saved: the devices are reopening.'),
    onError: (error) => setMessage(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: hardwareKeys.all }),
  });
  return (
    <section className="panel hardware-panel hardware-settings" aria-labelledby="hardware-settings-title">
      <h3 id="hardware-settings-title">Device settings</h3>
      {config === null ? (
        <p>The settings show once the device service answers.</p>
      ) : (
        <SettingsEditor
          // A new stored configuration (saved here or under "Find devices") replaces what the inputs hold.
          key={JSON.stringify(config)}
          config={config}
          saving={save.isPending}
          message={message}
          onMessage={setMessage}
          onSave={(checked) => save.mutate(checked)}
        />
      )}
    </section>
  );
}

type Role = keyof SettingsForm;

function SettingsEditor({
  config,
  saving,
  message,
  onMessage,
  onSave,
}: {
  config: DevicesConfig;
  saving: boolean;
  message: string | null;
  onMessage: (message: string | null) => void;
  onSave: (config: DevicesConfig) => void;
}) {
  const [form, setForm] = useState(() => formFromConfig(config));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, the first input to fix gets the focus (and a screen reader reads its message).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  /** Applies a role's changed inputs and forgets their messages: the next save checks them again. */
  const change =
    <R extends Role>(role: R) =>
    (patch: Partial<NonNullable<SettingsForm[R]>>) => {
      setForm((f) => ({ ...f, [role]: { ...f[role], ...patch } }));
      setErrors((e) => {
        const next = { ...e };
        for (const key of Object.keys(patch)) delete next[`${role}.${key}` as keyof SettingsErrors];
        // Setting up a printer may be what the drawer's message asked for.
        if (role === 'printer') delete next['drawer.connection'];
        return next;
      });
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSettings(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      const count = Object.keys(checked.errors).filter((key) => key !== 'form').length;
      onMessage(
        checked.errors.form ??
          `Not saved: ${count === 1 ? '1 setting needs' : `${count} settings need`} fixing (marked above).`,
      );
      return;
    }
    setErrors({});
    onMessage(null);
    onSave(checked.config);
  };

  const missing = (['scanner', 'display'] as const).filter((role) => form[role] === null);
  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={submit}>
      <RoleGroup role="printer" virtual={form.printer.virtual}>
        <PrinterSettings value={form.printer} errors={errors} onChange={change('printer')} />
      </RoleGroup>
      <RoleGroup role="drawer" virtual={form.drawer.virtual}>
        <DrawerSettings value={form.drawer} errors={errors} onChange={change('drawer')} />
      </RoleGroup>
      {form.scanner && (
        <RoleGroup role="scanner" virtual={form.scanner.virtual}>
          <ScannerSettings value={form.scanner} errors={errors} onChange={change('scanner')} />
        </RoleGroup>
      )}
      {form.display && (
        <RoleGroup role="display" virtual={form.display.virtual}>
          <DisplaySettings value={form.display} errors={errors} onChange={change('display')} />
        </RoleGroup>
      )}
      {missing.length > 0 && (
        <p className="muted">
          {missing.map((role) => roleWords[role]).join(' and ')}: give {missing.length === 1 ? 'it' : 'them'}{' '}
          a port under “Find devices” first.
        </p>
      )}
      <div className="hardware-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <p role="status" aria-label="Settings result">
          {message}
        </p>
      </div>
    </form>
  );
}

/** One role's inputs under its name, with the "Virtual" tag on a twin. */
function RoleGroup({ role, virtual, children }: { role: Role; virtual: boolean; children: ReactNode }) {
  return (
    <fieldset className="settings-role">
      <legend>
        {roleWords[role]}
        {virtual && (
          <>
            {' '}
            <span className="badge badge-virtual">Virtual</span>
          </>
        )}
      </legend>
      <div className="settings-fields">{children}</div>
    </fieldset>
  );
}
