<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupSettingsDialog</name>
    <message numerus="yes">
        <source> backups</source>
        <comment>unit after a number of backups</comment>
        <translation>
            <numerusform> backup</numerusform>
            <numerusform> backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreathingPacer</name>
    <message numerus="yes">
        <source>%Ln breaths</source>
        <translation>
            <numerusform>%Ln breath</numerusform>
            <numerusform>%Ln breaths</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> minutes</source>
        <comment>unit after a number of minutes</comment>
        <translation>
            <numerusform> minute</numerusform>
            <numerusform> minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message numerus="yes">
        <source>Too many wrong tries; waiting %n seconds.</source>
        <translation>
            <numerusform>Too many wrong tries; waiting %n second.</numerusform>
            <numerusform>Too many wrong tries; waiting %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n entries.</source>
        <translation>
            <numerusform>Added %n entry.</numerusform>
            <numerusform>Added %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n entries already in the journal.</source>
        <translation>
            <numerusform>Skipped %n entry already in the journal.</numerusform>
            <numerusform>Skipped %n entries already in the journal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be imported:</source>
        <translation>
            <numerusform>%n row could not be imported:</numerusform>
            <numerusform>%n rows could not be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %Ln entries.</source>
        <translation>
            <numerusform>Exported %Ln entry.</numerusform>
            <numerusform>Exported %Ln entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message numerus="yes">
        <source>%1 (%n new)</source>
        <translation>
            <numerusform>%1 (%n new)</numerusform>
            <numerusform>%1 (%n new)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Reports (%n)</source>
        <translation>
            <numerusform>&amp;Reports (%n)</numerusform>
            <numerusform>&amp;Reports (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Added %Ln entries.</source>
        <translation>
            <numerusform>Added %Ln entry.</numerusform>
            <numerusform>Added %Ln entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %Ln entries already in the journal.</source>
        <translation>
            <numerusform>Skipped %Ln entry already in the journal.</numerusform>
            <numerusform>Skipped %Ln entries already in the journal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows could not be imported:</source>
        <translation>
            <numerusform>%Ln row could not be imported:</numerusform>
            <numerusform>%Ln rows could not be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>%Ln entries in the trash</source>
        <translation>
            <numerusform>%Ln entry in the trash</numerusform>
            <numerusform>%Ln entries in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln entries for good? This cannot be undone.</source>
        <translation>
            <numerusform>Erase %Ln entry for good? This cannot be undone.</numerusform>
            <numerusform>Erase %Ln entries for good? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message numerus="yes">
        <source>At least %Ln characters; a few unrelated words work well</source>
        <translation>
            <numerusform>At least %Ln character; a few unrelated words work well</numerusform>
            <numerusform>At least %Ln characters; a few unrelated words work well</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostCard</name>
    <message numerus="yes">
        <source>Me too (%n)</source>
        <translation>
            <numerusform>Me too (%n)</numerusform>
            <numerusform>Me too (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Me too, %n so far</source>
        <translation>
            <numerusform>Me too, %n so far</numerusform>
            <numerusform>Me too, %n so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <source> minutes</source>
        <comment>unit after a number of minutes</comment>
        <translation>
            <numerusform> minute</numerusform>
            <numerusform> minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n waiting to send</numerusform>
            <numerusform>%n waiting to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Can&apos;t reach the server — will retry in %n minutes</source>
        <translation>
            <numerusform>Can&apos;t reach the server — will retry in %n minute</numerusform>
            <numerusform>Can&apos;t reach the server — will retry in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync did not work — will retry in %n minutes</source>
        <translation>
            <numerusform>Sync did not work — will retry in %n minute</numerusform>
            <numerusform>Sync did not work — will retry in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n minutes ago</source>
        <translation>
            <numerusform>Last synced %n minute ago</numerusform>
            <numerusform>Last synced %n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockCountdown</name>
    <message numerus="yes">
        <source>Too many wrong tries. You can try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong tries. You can try again in %n second.</numerusform>
            <numerusform>Too many wrong tries. You can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockProtectionDialog</name>
    <message numerus="yes">
        <source>%n wrong tries</source>
        <translation>
            <numerusform>%n wrong try</numerusform>
            <numerusform>%n wrong tries</numerusform>
        </translation>
    </message>
</context>
</TS>
