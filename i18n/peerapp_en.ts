<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssociationTable</name>
    <message numerus="yes">
        <source>Mean mood %1 on %Ln days with it</source>
        <translation>
            <numerusform>Mean mood %1 on %Ln day with it</numerusform>
            <numerusform>Mean mood %1 on %Ln days with it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean mood %1 on %Ln days without it</source>
        <translation>
            <numerusform>Mean mood %1 on %Ln day without it</numerusform>
            <numerusform>Mean mood %1 on %Ln days without it</numerusform>
        </translation>
    </message>
</context>
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
    <name>ExpiryChoice</name>
    <message numerus="yes">
        <source>After %n days</source>
        <translation>
            <numerusform>After %n day</numerusform>
            <numerusform>After %n days</numerusform>
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
    <name>GroupStrip</name>
    <message numerus="yes">
        <source>&amp;Members (%n waiting)…</source>
        <translation>
            <numerusform>&amp;Members (%n waiting)…</numerusform>
            <numerusform>&amp;Members (%n waiting)…</numerusform>
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
    <name>HelpsTable</name>
    <message numerus="yes">
        <source>%1 (from %Ln ratings)</source>
        <translation>
            <numerusform>%1 (from %Ln rating)</numerusform>
            <numerusform>%1 (from %Ln ratings)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used %Ln times</source>
        <translation>
            <numerusform>Used %Ln time</numerusform>
            <numerusform>Used %Ln times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Distress dropped by %1 on average, from %Ln ratings</source>
        <translation>
            <numerusform>Distress dropped by %1 on average, from %Ln rating</numerusform>
            <numerusform>Distress dropped by %1 on average, from %Ln ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Helpfulness %1 of 5 on average, from %Ln ratings</source>
        <translation>
            <numerusform>Helpfulness %1 of 5 on average, from %Ln rating</numerusform>
            <numerusform>Helpfulness %1 of 5 on average, from %Ln ratings</numerusform>
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
    <name>InsightSummary</name>
    <message numerus="yes">
        <source>Your mood averaged %1 over the %Ln days with a mood in this range.</source>
        <translation>
            <numerusform>Your mood was %1 on the one day with a mood in this range.</numerusform>
            <numerusform>Your mood averaged %1 over the %Ln days with a mood in this range.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the latest %1 your mood was higher than your average for this range: %2 over %Ln days, against %3.</source>
        <translation>
            <numerusform>In the latest %1 your mood was higher than your average for this range: %2 over %Ln day, against %3.</numerusform>
            <numerusform>In the latest %1 your mood was higher than your average for this range: %2 over %Ln days, against %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the latest %1 your mood was lower than your average for this range: %2 over %Ln days, against %3.</source>
        <translation>
            <numerusform>In the latest %1 your mood was lower than your average for this range: %2 over %Ln day, against %3.</numerusform>
            <numerusform>In the latest %1 your mood was lower than your average for this range: %2 over %Ln days, against %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the latest %1 your mood was about the same as your average for this range: %2 over %Ln days, against %3.</source>
        <translation>
            <numerusform>In the latest %1 your mood was about the same as your average for this range: %2 over %Ln day, against %3.</numerusform>
            <numerusform>In the latest %1 your mood was about the same as your average for this range: %2 over %Ln days, against %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of %Ln days with a mood, every weekday had about the same average (%1 to %2).</source>
        <translation>
            <numerusform>Of %Ln day with a mood, every weekday had about the same average (%1 to %2).</numerusform>
            <numerusform>Of %Ln days with a mood, every weekday had about the same average (%1 to %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of %Ln days with a mood, %1 had the highest average (%2) and %3 the lowest (%4).</source>
        <translation>
            <numerusform>Of %Ln day with a mood, %1 had the highest average (%2) and %3 the lowest (%4).</numerusform>
            <numerusform>Of %Ln days with a mood, %1 had the highest average (%2) and %3 the lowest (%4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A mood was recorded on %Ln days of %1.</source>
        <translation>
            <numerusform>A mood was recorded on %Ln day of %1.</numerusform>
            <numerusform>A mood was recorded on %Ln days of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A mood was recorded on %Ln days of %1; the most frequent was %2 (%3 of them).</source>
        <translation>
            <numerusform>A mood was recorded on %Ln day of %1; the most frequent was %2 (%3 of them).</numerusform>
            <numerusform>A mood was recorded on %Ln days of %1; the most frequent was %2 (%3 of them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %Ln items compared goes with a clear difference in mood.</source>
        <translation>
            <numerusform>None of the %Ln item compared goes with a clear difference in mood.</numerusform>
            <numerusform>None of the %Ln items compared goes with a clear difference in mood.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was higher on days tagged %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>Your mood was higher on days tagged %1: %2 over %Ln day, against %3 on the other %4.</numerusform>
            <numerusform>Your mood was higher on days tagged %1: %2 over %Ln days, against %3 on the other %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was lower on days tagged %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>Your mood was lower on days tagged %1: %2 over %Ln day, against %3 on the other %4.</numerusform>
            <numerusform>Your mood was lower on days tagged %1: %2 over %Ln days, against %3 on the other %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was higher on days you noted %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>Your mood was higher on days you noted %1: %2 over %Ln day, against %3 on the other %4.</numerusform>
            <numerusform>Your mood was higher on days you noted %1: %2 over %Ln days, against %3 on the other %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was lower on days you noted %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>Your mood was lower on days you noted %1: %2 over %Ln day, against %3 on the other %4.</numerusform>
            <numerusform>Your mood was lower on days you noted %1: %2 over %Ln days, against %3 on the other %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was the technique used most often: %Ln times in this range.</source>
        <translation>
            <numerusform>%1 was the technique used most often: %Ln time in this range.</numerusform>
            <numerusform>%1 was the technique used most often: %Ln times in this range.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The largest average drop in distress came with %1: %2 over %Ln rated uses.</source>
        <translation>
            <numerusform>The largest average drop in distress came with %1: %2 over %Ln rated use.</numerusform>
            <numerusform>The largest average drop in distress came with %1: %2 over %Ln rated uses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This range has a mood on %Ln days; patterns need %1. Earlier days are under «All time».</source>
        <translation>
            <numerusform>This range has a mood on %Ln day; patterns need %1. Earlier days are under «All time».</numerusform>
            <numerusform>This range has a mood on %Ln days; patterns need %1. Earlier days are under «All time».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add a mood on %1 days to see patterns — %Ln days have one so far.</source>
        <translation>
            <numerusform>Add a mood on %1 days to see patterns — %Ln day has one so far.</numerusform>
            <numerusform>Add a mood on %1 days to see patterns — %Ln days have one so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Write on %1 days to see patterns — you have written on %Ln days so far.</source>
        <translation>
            <numerusform>Write on %1 days to see patterns — you have written on %Ln day so far.</numerusform>
            <numerusform>Write on %1 days to see patterns — you have written on %Ln days so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message numerus="yes">
        <source>%1 · %2 (%3) · %Ln entries</source>
        <translation>
            <numerusform>%1 · %2 (%3) · %Ln entry</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 (%3) · %Ln days</source>
        <translation>
            <numerusform>%1 · %2 (%3) · %Ln day</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · from %Ln ratings</source>
        <translation>
            <numerusform>%1 · %2 · from %Ln rating</numerusform>
            <numerusform>%1 · %2 · from %Ln ratings</numerusform>
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
    <name>LibraryPage</name>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LookBackCard</name>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mood %1: %n entries</source>
        <translation>
            <numerusform>Mood %1: %n entry</numerusform>
            <numerusform>Mood %1: %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days with an entry</source>
        <translation>
            <numerusform>%n day with an entry</numerusform>
            <numerusform>%n days with an entry</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Average mood %1 of 5, from %n day(s) with a mood.</source>
        <translation>
            <numerusform>Average mood %1 of 5, from %n day with a mood.</numerusform>
            <numerusform>Average mood %1 of 5, from %n days with a mood.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Helped: %1, rated %2 of 5 on %n use(s).</source>
        <translation>
            <numerusform>Helped: %1, rated %2 of 5 on %n use.</numerusform>
            <numerusform>Helped: %1, rated %2 of 5 on %n uses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tried: %1, %n time(s), not rated.</source>
        <translation>
            <numerusform>Tried: %1, %n time, not rated.</numerusform>
            <numerusform>Tried: %1, %n times, not rated.</numerusform>
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
    <name>OutcomesCard</name>
    <message numerus="yes">
        <source>%1 of 5 · %n check(s)</source>
        <translation>
            <numerusform>%1 of 5 · %n check</numerusform>
            <numerusform>%1 of 5 · %n checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n self-check(s) so far. Higher means more of each; 3 is the middle.</source>
        <translation>
            <numerusform>%n self-check so far. Higher means more of each; 3 is the middle.</numerusform>
            <numerusform>%n self-checks so far. Higher means more of each; 3 is the middle.</numerusform>
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
    <name>ProtectionsStep</name>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesEditDialog</name>
    <message numerus="yes">
        <source>The rules are too long: keep them under %n characters.</source>
        <translation>
            <numerusform>The rules are too long: keep them under %n character.</numerusform>
            <numerusform>The rules are too long: keep them under %n characters.</numerusform>
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
        <source>Can't reach the server — will retry in %n minutes</source>
        <translation>
            <numerusform>Can't reach the server — will retry in %n minute</numerusform>
            <numerusform>Can't reach the server — will retry in %n minutes</numerusform>
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
