<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Appearance</name>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Calculator</source>
        <translation>الآلة الحاسبة</translation>
    </message>
    <message>
        <source>Reading list</source>
        <translation>قائمة القراءة</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>المهام</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>AssociationTable</name>
    <message numerus="yes">
        <source>Mean mood %1 on %Ln days with it</source>
        <translation>
            <numerusform>متوسط المزاج %1 في %Ln يوم بوجوده</numerusform>
            <numerusform>متوسط المزاج %1 في يوم واحد بوجوده</numerusform>
            <numerusform>متوسط المزاج %1 في يومين بوجوده</numerusform>
            <numerusform>متوسط المزاج %1 على مدى %Ln أيام بوجوده</numerusform>
            <numerusform>متوسط المزاج %1 على مدى %Ln يومًا بوجوده</numerusform>
            <numerusform>متوسط المزاج %1 على مدى %Ln يوم بوجوده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean mood %1 on %Ln days without it</source>
        <translation>
            <numerusform>متوسط المزاج %1 في %Ln يوم بدونه</numerusform>
            <numerusform>متوسط المزاج %1 في يوم واحد بدونه</numerusform>
            <numerusform>متوسط المزاج %1 في يومين بدونه</numerusform>
            <numerusform>متوسط المزاج %1 على مدى %Ln أيام بدونه</numerusform>
            <numerusform>متوسط المزاج %1 على مدى %Ln يومًا بدونه</numerusform>
            <numerusform>متوسط المزاج %1 على مدى %Ln يوم بدونه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <source>Automatic backups</source>
        <translation>النسخ الاحتياطي التلقائي</translation>
    </message>
    <message>
        <source>Make a backup automatically</source>
        <translation>إنشاء نسخة احتياطية تلقائيًا</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>ال&amp;مجلد:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>الا&amp;حتفاظ بأحدث:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ت&amp;صفّح…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>مجلد النسخ الاحتياطية</translation>
    </message>
    <message numerus="yes">
        <source> backups</source>
        <comment>unit after a number of backups</comment>
        <translation>
            <numerusform> نسخ احتياطية</numerusform>
            <numerusform> </numerusform>
            <numerusform> </numerusform>
            <numerusform> </numerusform>
            <numerusform> </numerusform>
            <numerusform> </numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a backup folder</source>
        <translation>اختيار مجلد للنسخ الاحتياطية</translation>
    </message>
    <message>
        <source>Choose a folder for the backups.</source>
        <translation>اختيار مجلد للنسخ الاحتياطية.</translation>
    </message>
</context>
<context>
    <name>BreathingPacer</name>
    <message>
        <source>4-7-8 breathing</source>
        <translation>تنفس 4-7-8</translation>
    </message>
    <message>
        <source>Box breathing</source>
        <translation>التنفس المربع</translation>
    </message>
    <message>
        <source>Box breathing (4-4-4-4)</source>
        <translation>التنفس المربع (4-4-4-4)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>مخصص</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>ال&amp;نمط:</translation>
    </message>
    <message>
        <source>Breathe &amp;in (seconds):</source>
        <translation>ال&amp;شهيق (بالثواني):</translation>
    </message>
    <message>
        <source>&amp;Hold after breathing in (seconds):</source>
        <translation>&amp;حبس النفس بعد الشهيق (بالثواني):</translation>
    </message>
    <message>
        <source>Breathe &amp;out (seconds):</source>
        <translation>ال&amp;زفير (بالثواني):</translation>
    </message>
    <message>
        <source>Hold after breathing o&amp;ut (seconds):</source>
        <translation>حبس النفس &amp;بعد الزفير (بالثواني):</translation>
    </message>
    <message>
        <source>Session &amp;length:</source>
        <translation>&amp;مدة الجلسة:</translation>
    </message>
    <message>
        <source>No hold</source>
        <translation>بلا حبس</translation>
    </message>
    <message>
        <source>Until I stop</source>
        <translation>حتى الإيقاف</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Breathing guide</source>
        <translation>دليل التنفس</translation>
    </message>
    <message>
        <source>Press Space or Enter to start or stop</source>
        <translation>للبدء أو الإيقاف: مفتاح المسافة أو Enter</translation>
    </message>
    <message>
        <source>Seconds counted</source>
        <translation>الثواني المعدودة</translation>
    </message>
    <message>
        <source>Breathe in quietly through your nose, hold, then breathe out slowly through your mouth. Four breaths are enough to start with.</source>
        <translation>شهيق هادئ من الأنف، ثم حبس النفس، ثم زفير بطيء من الفم. وأربع دورات تكفي في البداية.</translation>
    </message>
    <message>
        <source>Breathe in, hold, breathe out, hold: four equal sides of a square. If four feels too long, use three for every side.</source>
        <translation>شهيق، فحبس للنفس، فزفير، فحبس للنفس: أربعة أضلاع متساوية لمربع. وإن بدا العد إلى أربعة طويلًا، فالعد إلى ثلاثة في كل ضلع يفي بالغرض.</translation>
    </message>
    <message>
        <source>If you feel light-headed, stop and breathe normally.</source>
        <translation>وعند الشعور بدوار خفيف، فالأفضل التوقف والعودة إلى التنفس الطبيعي.</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>الشهيق</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>حبس النفس</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>الزفير</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;إيقاف</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;بدء</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>بدء</translation>
    </message>
    <message>
        <source>Well done. Notice how you feel.</source>
        <translation>أحسنت. ما الذي تغيّر في إحساسك الآن؟</translation>
    </message>
    <message>
        <source>Press Start when you are ready</source>
        <translation>عند الاستعداد، يمكن الضغط على «بدء»</translation>
    </message>
    <message numerus="yes">
        <source>%Ln breaths</source>
        <translation>
            <numerusform>لا دورات بعد</numerusform>
            <numerusform>دورة واحدة</numerusform>
            <numerusform>دورتان</numerusform>
            <numerusform>%Ln دورات</numerusform>
            <numerusform>%Ln دورة</numerusform>
            <numerusform>%Ln دورة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>بقي %1</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message numerus="yes">
        <source> minutes</source>
        <comment>unit after a number of minutes</comment>
        <translation>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقائق</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BusyDialog</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Expected a passphrase on standard input.</source>
        <translation>كان متوقعًا وجود عبارة مرور في الدخل القياسي.</translation>
    </message>
    <message>
        <source>Type the text. To finish, press Ctrl+D on a new line.</source>
        <translation>اكتب النص. للإنهاء، اضغط Ctrl+D في سطر جديد.</translation>
    </message>
    <message>
        <source>No text was given on standard input.</source>
        <translation>لم يصل أي نص عبر الدخل القياسي.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries; waiting %n seconds.</source>
        <translation>
            <numerusform>محاولات خاطئة كثيرة؛ انتظار لحظة.</numerusform>
            <numerusform>محاولات خاطئة كثيرة؛ انتظار ثانية واحدة.</numerusform>
            <numerusform>محاولات خاطئة كثيرة؛ انتظار ثانيتين.</numerusform>
            <numerusform>محاولات خاطئة كثيرة؛ انتظار %n ثوانٍ.</numerusform>
            <numerusform>محاولات خاطئة كثيرة؛ انتظار %n ثانية.</numerusform>
            <numerusform>محاولات خاطئة كثيرة؛ انتظار %n ثانية.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>عبارة المرور: </translation>
    </message>
    <message>
        <source>The key file is damaged, but your passphrase still opened the journal. Make a new recovery key in the app, or repair the key file with: peerapp restore --key-file-only BACKUP</source>
        <translation>ملف المفاتيح تالف، لكن عبارة المرور ما زالت تفتح اليوميات. يُستحسن إنشاء مفتاح استرداد جديد في التطبيق، أو إصلاح ملف المفاتيح بالأمر: peerapp restore --key-file-only BACKUP</translation>
    </message>
    <message>
        <source>Newest good backup: %1</source>
        <translation>أحدث نسخة احتياطية سليمة: %1</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>عبارة المرور الجديدة: </translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>إعادة كتابة عبارة المرور: </translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <source>Created an encrypted journal in %1.</source>
        <translation>أُنشئت يوميات مشفّرة في %1.</translation>
    </message>
    <message>
        <source>The passphrase cannot be recovered if you forget it.</source>
        <translation>لا يمكن استعادة عبارة المرور إن نسيتها.</translation>
    </message>
    <message>
        <source>Recovery key (shown once; keep it somewhere safe):</source>
        <translation>مفتاح الاسترداد (يظهر مرة واحدة؛ يُحفظ في مكان آمن):</translation>
    </message>
    <message>
        <source>Current passphrase: </source>
        <translation>عبارة المرور الحالية: </translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>تغيّرت عبارة المرور.</translation>
    </message>
    <message>
        <source>--at needs an ISO-8601 date and time, for example 2024-05-01T21:30.</source>
        <translation>يحتاج --at إلى تاريخ ووقت بصيغة ISO-8601، مثل 2024-05-01T21:30.</translation>
    </message>
    <message>
        <source>Moved entry %1 to the trash.</source>
        <translation>نُقلت التدوينة %1 إلى المهملات.</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>المزاج:</translation>
    </message>
    <message>
        <source>Emotions:</source>
        <translation>المشاعر:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <source>Tried:</source>
        <translation>جُرّب:</translation>
    </message>
    <message>
        <source>There is no library in %1.</source>
        <translation>لا توجد مكتبة في %1.</translation>
    </message>
    <message>
        <source>There is no library article with the id %1.</source>
        <translation>لا توجد في المكتبة مقالة بالمعرّف %1.</translation>
    </message>
    <message>
        <source>No article matches that search.</source>
        <translation>لا توجد مقالة تطابق هذا البحث.</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>المصادر:</translation>
    </message>
    <message>
        <source>--mood-map needs LABEL=N with N from 1 to 5, for example happy=5.</source>
        <translation>يحتاج ‎--mood-map إلى LABEL=N حيث N من 1 إلى 5، مثلًا happy=5.</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>لا يوجد ملف في %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>لم تُصدَّر أي تدوينة إلى %1.</numerusform>
            <numerusform>صُدِّرت تدوينة واحدة إلى %1.</numerusform>
            <numerusform>صُدِّرت تدوينتان إلى %1.</numerusform>
            <numerusform>صُدِّرت %n تدوينات إلى %1.</numerusform>
            <numerusform>صُدِّرت %n تدوينةً إلى %1.</numerusform>
            <numerusform>صُدِّرت %n تدوينة إلى %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n entries.</source>
        <translation>
            <numerusform>لم تُضَف أي تدوينة.</numerusform>
            <numerusform>أُضيفت تدوينة واحدة.</numerusform>
            <numerusform>أُضيفت تدوينتان.</numerusform>
            <numerusform>أُضيفت %n تدوينات.</numerusform>
            <numerusform>أُضيفت %n تدوينةً.</numerusform>
            <numerusform>أُضيفت %n تدوينة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n entries already in the journal.</source>
        <translation>
            <numerusform>لم تُتخطَّ أي تدوينة.</numerusform>
            <numerusform>تم تخطّي تدوينة واحدة موجودة في اليوميات.</numerusform>
            <numerusform>تم تخطّي تدوينتين موجودتين في اليوميات.</numerusform>
            <numerusform>تم تخطّي %n تدوينات موجودة في اليوميات.</numerusform>
            <numerusform>تم تخطّي %n تدوينةً موجودة في اليوميات.</numerusform>
            <numerusform>تم تخطّي %n تدوينة موجودة في اليوميات.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows could not be imported:</source>
        <translation>
            <numerusform>لا توجد صفوف تعذّر استيرادها:</numerusform>
            <numerusform>تعذّر استيراد صف واحد:</numerusform>
            <numerusform>تعذّر استيراد صفّين:</numerusform>
            <numerusform>تعذّر استيراد %n صفوف:</numerusform>
            <numerusform>تعذّر استيراد %n صفًّا:</numerusform>
            <numerusform>تعذّر استيراد %n صف:</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1:</source>
        <translation>السطر %1:</translation>
    </message>
    <message>
        <source>Wrote an encrypted backup to %1.</source>
        <translation>كُتبت نسخة احتياطية مشفّرة في %1.</translation>
    </message>
    <message>
        <source>It opens with the passphrase the journal had when the backup was made.</source>
        <translation>تُفتح بعبارة المرور التي كانت لليوميات عند إنشاء النسخة الاحتياطية.</translation>
    </message>
    <message>
        <source>A journal already exists in %1. Add --yes to replace it with the backup.</source>
        <translation>توجد يوميات في %1 بالفعل. أضف ‎--yes لاستبدالها بالنسخة الاحتياطية.</translation>
    </message>
    <message>
        <source>Replace the journal in %1 with this backup? The current journal will be lost. [y/N] </source>
        <translation>هل تريد استبدال اليوميات في %1 بهذه النسخة الاحتياطية؟ ستُفقد اليوميات الحالية. [y/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>ن</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>لم تُستعَد أي بيانات.</translation>
    </message>
    <message>
        <source>Restored the backup into %1.</source>
        <translation>استُعيدت النسخة الاحتياطية إلى %1.</translation>
    </message>
    <message>
        <source>There is no journal in %1.</source>
        <translation>لا توجد يوميات في %1.</translation>
    </message>
    <message>
        <source>Passphrase the journal had when this backup was made: </source>
        <translation>عبارة المرور التي كانت لليوميات عند إنشاء هذه النسخة: </translation>
    </message>
    <message>
        <source>Repaired the key file from the backup. It opens with that passphrase.</source>
        <translation>أُصلح ملف المفاتيح من النسخة الاحتياطية. يُفتح الآن بعبارة المرور تلك.</translation>
    </message>
    <message>
        <source>Self-check failed: a new entry was not found by search.</source>
        <translation>فشل الفحص الذاتي: لم يعثر البحث على تدوينة جديدة.</translation>
    </message>
    <message>
        <source>Self-check failed: the entry was not found after reopening the journal.</source>
        <translation>فشل الفحص الذاتي: لم تُعثر على التدوينة بعد إعادة فتح اليوميات.</translation>
    </message>
    <message>
        <source>Self-check failed: the bundled library in %1 has no article about breathing.</source>
        <translation>فشل الفحص الذاتي: لا تحتوي المكتبة المرفقة في %1 على مقالة عن التنفس.</translation>
    </message>
    <message>
        <source>Self-check failed: the Arabic translation could not be loaded.</source>
        <translation>فشل الفحص الذاتي: تعذر تحميل الترجمة العربية.</translation>
    </message>
    <message>
        <source>A file could not be read or written:</source>
        <translation>تعذرت قراءة ملف أو الكتابة فيه:</translation>
    </message>
    <message>
        <source>Unknown or incomplete admin command. Try: peerapp server admin --help</source>
        <translation>أمر إدارة غير معروف أو ناقص. جرّب: peerapp server admin --help</translation>
    </message>
    <message>
        <source>The database must be sqlite:///PATH or postgresql://…</source>
        <translation>يجب أن تكون قاعدة البيانات بالصيغة sqlite:///PATH أو postgresql://…</translation>
    </message>
    <message>
        <source>The retention must be at least one day.</source>
        <translation>يجب ألّا تقلّ مدة الاحتفاظ عن يوم واحد.</translation>
    </message>
    <message>
        <source>Token id (to revoke it): %1</source>
        <translation>معرّف الرمز (لإلغائه لاحقًا): %1</translation>
    </message>
    <message>
        <source>The server's database could not be opened. Check --db and that the database is running.</source>
        <translation>تعذّر فتح قاعدة بيانات الخادم. يُرجى التحقّق من ‎--db ومن أن قاعدة البيانات تعمل.</translation>
    </message>
    <message>
        <source>There is no room with that id on this server.</source>
        <translation>لا توجد على هذا الخادم غرفة بهذا المعرّف.</translation>
    </message>
    <message>
        <source>A room id is 64 hexadecimal characters.</source>
        <translation>معرّف الغرفة ٦٤ حرفًا ست عشريًّا.</translation>
    </message>
    <message>
        <source>There is no creation token with that id.</source>
        <translation>لا يوجد رمز إنشاء بهذا المعرّف.</translation>
    </message>
    <message>
        <source>The file is not a whole peerapp server export. Nothing was imported.</source>
        <translation>هذا الملف ليس تصديرًا كاملًا لخادم peerapp. لم يُستورَد شيء.</translation>
    </message>
    <message>
        <source>The database to import into must be empty. Nothing was imported.</source>
        <translation>يجب أن تكون قاعدة البيانات التي يُستورَد إليها فارغة. لم يُستورَد شيء.</translation>
    </message>
    <message>
        <source>The export file could not be written. Nothing was left behind.</source>
        <translation>تعذّرت كتابة ملف التصدير، ولم يبقَ منه أي أثر.</translation>
    </message>
    <message>
        <source>The group server is not installed. Install it with: pip install 'peerapp[server]'</source>
        <translation>خادم المجموعات غير مثبَّت. ثبِّته بالأمر: pip install 'peerapp[server]'</translation>
    </message>
    <message>
        <source>Created the group %1 (number %2). Share this invite only with people you trust:</source>
        <translation>أُنشئت المجموعة %1 (رقمها %2). لا تشارك هذه الدعوة إلا مع من تثق بهم:</translation>
    </message>
    <message>
        <source>The invite works anyway; the group is registered at the next sync.</source>
        <translation>الدعوة صالحة مع ذلك، وستُسجَّل المجموعة عند المزامنة القادمة.</translation>
    </message>
    <message>
        <source>The group is registered on the server.</source>
        <translation>سُجّلت المجموعة على الخادم.</translation>
    </message>
    <message>
        <source>Joined the group %1 (number %2). Run a sync to see its posts.</source>
        <translation>انضممت إلى المجموعة %1 (رقمها %2). ستظهر منشوراتها بعد المزامنة.</translation>
    </message>
    <message>
        <source>You are not in any group yet.</source>
        <translation>لست في أي مجموعة بعد.</translation>
    </message>
    <message>
        <source>%1: sent %2, received %3.</source>
        <translation>%1: أُرسل %2، ووصل %3.</translation>
    </message>
    <message>
        <source>Items that failed the checks and were ignored: %1</source>
        <translation>عناصر لم تجتز الفحص فتُجوهلت: %1</translation>
    </message>
    <message>
        <source>Posts the server would not take (kept on this device): %1</source>
        <translation>منشورات لم يقبلها الخادم (محفوظة على هذا الجهاز): %1</translation>
    </message>
    <message>
        <source>No posts yet.</source>
        <translation>لا توجد منشورات بعد.</translation>
    </message>
    <message>
        <source>(unverified: not shown under any name)</source>
        <translation>(غير موثَّق: لا يُعرض تحت أي اسم)</translation>
    </message>
    <message>
        <source>Content warning:</source>
        <translation>تنبيه المحتوى:</translation>
    </message>
    <message>
        <source>Me too: %1</source>
        <translation>وأنا أيضًا: %1</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>تم الإرسال</translation>
    </message>
    <message>
        <source>not accepted by the server</source>
        <translation>لم يقبله الخادم</translation>
    </message>
    <message>
        <source>Deleted the post here; the server is told at the next sync.</source>
        <translation>حُذف المنشور هنا، وسيُبلَّغ الخادم عند المزامنة القادمة.</translation>
    </message>
    <message>
        <source>Added your "me too".</source>
        <translation>أُضيفت «وأنا أيضًا» منك.</translation>
    </message>
    <message>
        <source>Took back your "me too".</source>
        <translation>سُحبت «وأنا أيضًا» منك.</translation>
    </message>
    <message>
        <source>The report is sealed so only the group's admin can read it; it goes out at the next sync.</source>
        <translation>البلاغ مختوم فلا يقرؤه إلا مشرف المجموعة، وسيُرسل عند المزامنة القادمة.</translation>
    </message>
    <message>
        <source>No reports.</source>
        <translation>لا توجد بلاغات.</translation>
    </message>
    <message>
        <source>Your new posts in this group will use that name.</source>
        <translation>ستظهر منشوراتك الجديدة في هذه المجموعة بهذا الاسم.</translation>
    </message>
    <message>
        <source>--expires needs a number of days above 0.</source>
        <translation>يحتاج الخيار ‎--expires‎ إلى عدد أيام أكبر من 0.</translation>
    </message>
    <message>
        <source>It is done at the next sync.</source>
        <translation>سيتم ذلك عند المزامنة القادمة.</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>member</source>
        <translation>عضو</translation>
    </message>
    <message>
        <source>asks to join</source>
        <translation>طلب انضمام</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(حسابك)</translation>
    </message>
    <message>
        <source>Removed %1. The group moved to a new key without them.</source>
        <translation>أُزيل %1، وانتقلت المجموعة إلى مفتاح جديد لا يصل إليه.</translation>
    </message>
    <message>
        <source>Let %1 in: they can now read the group.</source>
        <translation>قُبل انضمام %1، وصارت قراءة المجموعة متاحة الآن.</translation>
    </message>
    <message>
        <source>%1 is a member again, no longer an admin.</source>
        <translation>لم يعد الإشراف من صلاحيات %1، وتبقى العضوية كما هي.</translation>
    </message>
    <message>
        <source>%1 is now an admin of the group.</source>
        <translation>صار الإشراف على المجموعة من صلاحيات %1.</translation>
    </message>
    <message>
        <source>The rules are pinned for every member.</source>
        <translation>صارت القواعد معروضة لكل الأعضاء.</translation>
    </message>
    <message>
        <source>This group has no rules yet.</source>
        <translation>لا توجد قواعد لهذه المجموعة بعد.</translation>
    </message>
    <message>
        <source>The group now uses version 2. Members follow at their next sync; the new invite:</source>
        <translation>صارت المجموعة تستخدم الإصدار 2، وينتقل الأعضاء إليه عند مزامنتهم القادمة. الدعوة الجديدة:</translation>
    </message>
    <message>
        <source>Left the group %1 and removed its posts from this device.</source>
        <translation>غادرت المجموعة %1 وحُذفت منشوراتها من هذا الجهاز.</translation>
    </message>
    <message>
        <source>Give a proxy address or --off, not both.</source>
        <translation>المطلوب عنوان وسيط أو ‎--off، لا الاثنين معًا.</translation>
    </message>
    <message>
        <source>Group traffic goes through the proxy %1.</source>
        <translation>تمر اتصالات المجموعات عبر الوسيط %1.</translation>
    </message>
    <message>
        <source>Group traffic connects directly (no proxy).</source>
        <translation>اتصالات المجموعات مباشرة (دون وسيط).</translation>
    </message>
    <message>
        <source>There is no prompt theme %1. The themes are: %2.</source>
        <translation>لا يوجد موضوع لأفكار الكتابة باسم %1. المواضيع المتاحة: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Deleted template %1.</source>
        <translation>حُذف القالب %1.</translation>
    </message>
    <message>
        <source>--questions needs one of the checks, not history.</source>
        <translation>يحتاج ‎--questions‎ إلى أحد الفحوص، لا إلى history.</translation>
    </message>
</context>
<context>
    <name>CalculatorScreen</name>
    <message>
        <source>Calculator</source>
        <translation>الآلة الحاسبة</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>الشاشة</translation>
    </message>
    <message>
        <source>Earlier results</source>
        <translation>النتائج السابقة</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>حذف آخر رمز</translation>
    </message>
    <message>
        <source>Equals</source>
        <translation>يساوي</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>عبارة المرور ال&amp;حالية:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;تغيير</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check in</source>
        <translation>تسجيل المزاج</translation>
    </message>
    <message>
        <source>How are you right now?</source>
        <translation>كيف حالك الآن؟</translation>
    </message>
    <message>
        <source>Mood: %1</source>
        <translation>المزاج: %1</translation>
    </message>
    <message>
        <source>Press %1</source>
        <translation>المفتاح %1</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>المزاج</translation>
    </message>
    <message>
        <source>Any &amp;feelings? (optional)</source>
        <translation>هل من &amp;مشاعر؟ (اختياري)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Continue in the full editor</source>
        <translation>&amp;متابعة في المحرر الكامل</translation>
    </message>
    <message>
        <source>Check-in saved</source>
        <translation>حُفظ تسجيل المزاج</translation>
    </message>
    <message>
        <source>Finish or close the entry that is open first; this check-in is kept here.</source>
        <translation>يلزم إنهاء التدوينة المفتوحة أو إغلاقها أولًا؛ تسجيل المزاج باقٍ هنا.</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>not a date (YYYY-MM-DD): %1</source>
        <translation>ليس تاريخًا (YYYY-MM-DD): %1</translation>
    </message>
    <message>
        <source>Check the list of verified contacts; exit status 1 if it needs work.</source>
        <translation>فحص قائمة الجهات التي جرى التحقق منها؛ رمز الخروج 1 يعني أنها تحتاج إلى عمل.</translation>
    </message>
    <message>
        <source>list the contacts checked more than 12 months ago</source>
        <translation>عرض الجهات التي مرّ على آخر تحقق منها أكثر من 12 شهرًا</translation>
    </message>
    <message>
        <source>a contacts file (default: the bundled one)</source>
        <translation>ملف الجهات (الافتراضي: الملف المرفق مع التطبيق)</translation>
    </message>
    <message>
        <source>the date to check against (YYYY-MM-DD)</source>
        <translation>التاريخ الذي يجري الفحص بالنسبة إليه (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>No contact was checked more than 12 months ago.</source>
        <translation>لا توجد جهة مرّ على آخر تحقق منها أكثر من 12 شهرًا.</translation>
    </message>
    <message>
        <source>Checked more than 12 months ago (check them again):</source>
        <translation>مرّ على آخر تحقق منها أكثر من 12 شهرًا (يلزم التحقق منها من جديد):</translation>
    </message>
    <message>
        <source>The list is complete. Contacts that can be shown: %1</source>
        <translation>القائمة مكتملة. عدد الجهات التي يمكن عرضها: %1</translation>
    </message>
    <message>
        <source>has no valid id (lowercase letters, digits and dashes)</source>
        <translation>ليس لها معرّف صالح (أحرف لاتينية صغيرة وأرقام وشرطات)</translation>
    </message>
    <message>
        <source>has the same id as another contact</source>
        <translation>لها المعرّف نفسه الذي لجهة أخرى</translation>
    </message>
    <message>
        <source>names a region that is not in the list: %1</source>
        <translation>تذكر منطقة غير موجودة في القائمة: %1</translation>
    </message>
    <message>
        <source>has an unknown kind: %1</source>
        <translation>نوعها غير معروف: %1</translation>
    </message>
    <message>
        <source>has a field of the wrong type: %1</source>
        <translation>فيها حقل من نوع خاطئ: %1</translation>
    </message>
    <message>
        <source>has no checked-on date (YYYY-MM-DD)</source>
        <translation>ليس لها تاريخ تحقق (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>has a checked-on date in the future: %1</source>
        <translation>تاريخ التحقق منها في المستقبل: %1</translation>
    </message>
    <message>
        <source>has no source it was checked against</source>
        <translation>ليس لها مصدر جرى التحقق منها فيه</translation>
    </message>
    <message>
        <source>has a source without a title or a web address (http or https)</source>
        <translation>لها مصدر بلا عنوان أو بلا رابط إلكتروني (http أو https)</translation>
    </message>
    <message>
        <source>is missing text: %1</source>
        <translation>ينقصها نص: %1</translation>
    </message>
    <message>
        <source>has a way to reach it of an unknown kind or without a value</source>
        <translation>فيها طريقة تواصل من نوع غير معروف أو بلا قيمة</translation>
    </message>
    <message>
        <source>is marked verified but gives no way to reach it</source>
        <translation>موسومة بأنه جرى التحقق منها لكن لا تذكر أي طريقة للتواصل</translation>
    </message>
    <message>
        <source>has no name in both languages</source>
        <translation>ليس لها اسم باللغتين</translation>
    </message>
    <message>
        <source>has no verified contact and no note saying so in both languages</source>
        <translation>لا توجد فيها جهة جرى التحقق منها، ولا ملاحظة تقول ذلك باللغتين</translation>
    </message>
    <message>
        <source>is missing the label %1</source>
        <translation>ينقصها النص التعريفي %1</translation>
    </message>
    <message>
        <source>has no review date (YYYY-MM-DD)</source>
        <translation>ليس لها تاريخ مراجعة (YYYY-MM-DD)</translation>
    </message>
</context>
<context>
    <name>CopingTable</name>
    <message>
        <source>Technique</source>
        <translation>الأسلوب</translation>
    </message>
    <message>
        <source>Distress before</source>
        <translation>الضيق قبل</translation>
    </message>
    <message>
        <source>Distress after</source>
        <translation>الضيق بعد</translation>
    </message>
    <message>
        <source>Helpfulness</source>
        <translation>مدى الفائدة</translation>
    </message>
    <message>
        <source>Add a technique I tried</source>
        <translation>إضافة أسلوب جربته</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>What I tried</source>
        <translation>ما جربته</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>بلا تقييم</translation>
    </message>
    <message>
        <source>1 – did not help</source>
        <translation>1 – لم يفد</translation>
    </message>
    <message>
        <source>2 – a little</source>
        <translation>2 – قليلًا</translation>
    </message>
    <message>
        <source>3 – somewhat</source>
        <translation>3 – إلى حد ما</translation>
    </message>
    <message>
        <source>4 – helped</source>
        <translation>4 – أفاد</translation>
    </message>
    <message>
        <source>5 – helped a lot</source>
        <translation>5 – أفاد كثيرًا</translation>
    </message>
</context>
<context>
    <name>CrisisContactsTab</name>
    <message>
        <source>Contacts from “%1”</source>
        <translation>جهات الدعم في «%1»</translation>
    </message>
    <message>
        <source>The admins of “%1” checked these people and services for their members.</source>
        <translation>تحقّق مشرفو «%1» من هذه الجهات من أجل أعضاء المجموعة.</translation>
    </message>
</context>
<context>
    <name>CrisisDialog</name>
    <message>
        <source>I need help now</source>
        <translation>أحتاج إلى مساعدة الآن</translation>
    </message>
    <message>
        <source>You are not alone. These pages open without your passphrase, and nothing you do here is saved. Emergency services are not safe for everyone everywhere; the pages below say more.</source>
        <translation>لست وحدك. تُفتح هذه الصفحات دون عبارة المرور، ولا يُحفظ شيء مما يجري هنا. خدمات الطوارئ ليست آمنة للجميع في كل مكان، وفي الصفحات أدناه تفاصيل أكثر.</translation>
    </message>
    <message>
        <source>Crisis information</source>
        <translation>معلومات للأزمات</translation>
    </message>
</context>
<context>
    <name>Damage</name>
    <message>
        <source>The journal file is damaged</source>
        <translation>ملف اليوميات تالف</translation>
    </message>
    <message>
        <source>Your newest good backup is %1.</source>
        <translation>أحدث نسخة احتياطية سليمة لديك هي %1.</translation>
    </message>
    <message>
        <source>No backup known to be good was found. You can still read and export your entries.</source>
        <translation>لم يُعثر على نسخة احتياطية معروف أنها سليمة. ما زال بالإمكان قراءة تدويناتك وتصديرها.</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>ليس الآن</translation>
    </message>
    <message>
        <source>Use the key file from a backup</source>
        <translation>استخدام ملف المفاتيح من نسخة احتياطية</translation>
    </message>
    <message>
        <source>peerapp backups (*.peerbackup)</source>
        <translation>نسخ peerapp الاحتياطية (*.peerbackup)</translation>
    </message>
    <message>
        <source>The passphrase your journal had when this backup was made:</source>
        <translation>عبارة المرور التي كانت ليومياتك عند إنشاء هذه النسخة:</translation>
    </message>
    <message>
        <source>The key file is repaired. Unlock with the passphrase from the time of that backup.</source>
        <translation>أُصلح ملف المفاتيح. يُفتح القفل بعبارة المرور التي كانت عند إنشاء تلك النسخة.</translation>
    </message>
    <message>
        <source>The key file is damaged</source>
        <translation>ملف المفاتيح تالف</translation>
    </message>
    <message>
        <source>Your passphrase still opened the journal, but its key file (vault.keys) is damaged. Make a new recovery key now (Settings → New recovery key), and keep a backup: they repair it.</source>
        <translation>ما زالت عبارة المرور تفتح اليوميات، لكن ملف مفاتيحها (vault.keys) تالف. يُستحسن إنشاء مفتاح استرداد جديد الآن (الإعدادات ← مفتاح استرداد جديد)، والاحتفاظ بنسخة احتياطية: فبهما يُصلَح الملف.</translation>
    </message>
</context>
<context>
    <name>Decoy</name>
    <message>
        <source>Went for a long walk after work. The weather was finally cooler.</source>
        <translation>خرجت في نزهة طويلة بعد العمل. أخيرًا صار الطقس ألطف.</translation>
    </message>
    <message>
        <source>Busy day. Too many emails, but I finished the report on time.</source>
        <translation>يوم مزدحم. رسائل بريد كثيرة جدًا، لكنني أنهيت التقرير في موعده.</translation>
    </message>
    <message>
        <source>Lunch with my aunt. She made her lentil soup and we talked for hours.</source>
        <translation>غداء مع خالتي. حضّرت شوربة العدس التي تتقنها وتحدثنا لساعات.</translation>
    </message>
    <message>
        <source>Could not sleep well. Worried about the exam next week; I should start revising.</source>
        <translation>لم أنم جيدًا. يقلقني امتحان الأسبوع القادم؛ عليّ أن أبدأ المراجعة.</translation>
    </message>
    <message>
        <source>Tried a new recipe tonight. It was not perfect, but I want to try again.</source>
        <translation>جربت وصفة جديدة الليلة. لم تكن مثالية، لكنني أريد تجربتها مرة أخرى.</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>نزهة</translation>
    </message>
    <message>
        <source>work</source>
        <translation>عمل</translation>
    </message>
    <message>
        <source>family</source>
        <translation>عائلة</translation>
    </message>
    <message>
        <source>exams</source>
        <translation>امتحانات</translation>
    </message>
    <message>
        <source>cooking</source>
        <translation>طبخ</translation>
    </message>
</context>
<context>
    <name>DiscreetController</name>
    <message>
        <source>peerapp</source>
        <translation>peerapp</translation>
    </message>
    <message>
        <source>&amp;Discreet mode…</source>
        <translation>الوضع ال&amp;متحفّظ…</translation>
    </message>
</context>
<context>
    <name>DiscreetDialog</name>
    <message>
        <source>Discreet mode</source>
        <translation>الوضع المتحفّظ</translation>
    </message>
    <message>
        <source>Choose how this app looks while it is locked: its name in the title bar and the taskbar, its icon, and a lock screen that does not say what it is for. The settings file on this computer keeps only the name of the look you choose.</source>
        <translation>هنا يمكن اختيار مظهر هذا التطبيق وهو مقفل: اسمه في شريط العنوان وشريط المهام، وأيقونته، وشاشة قفل لا تقول ما الغرض منه. لا يحفظ ملف الإعدادات على هذا الحاسوب إلا اسم المظهر المختار.</translation>
    </message>
    <message>
        <source>Look before unlocking</source>
        <translation>المظهر قبل فتح القفل</translation>
    </message>
    <message>
        <source>This app's own name</source>
        <translation>الاسم الأصلي لهذا التطبيق</translation>
    </message>
    <message>
        <source>Some taskbars keep showing the old name and icon until the app is started again. A menu entry you installed for this app still shows its real name; to stay discreet, start it another way.</source>
        <translation>تبقى بعض أشرطة المهام تعرض الاسم والأيقونة القديمين حتى يُشغَّل التطبيق من جديد. وإذا أضفت لهذا التطبيق مدخلًا في قائمة البرامج فسيظل يعرض اسمه الحقيقي؛ وللبقاء بعيدًا عن الأنظار، يُستحسن تشغيله بطريقة أخرى.</translation>
    </message>
    <message>
        <source>After a quick exit, show a working calculator instead of closing</source>
        <translation>بعد الخروج السريع، عرض آلة حاسبة تعمل بدل الإغلاق</translation>
    </message>
    <message>
        <source>Quick exit is Ctrl+Shift+Q, or Esc twice. On the calculator, press %1 to get back to the lock screen; a second quick exit closes the app.</source>
        <translation>الخروج السريع هو Ctrl+Shift+Q، أو الضغط على Esc مرتين. في الآلة الحاسبة، اضغط %1 للعودة إلى شاشة القفل؛ وخروج سريع ثانٍ يغلق التطبيق.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>DistressDialog</name>
    <message>
        <source>Distress</source>
        <translation>الضيق</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;متابعة</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;تخطي</translation>
    </message>
</context>
<context>
    <name>DistressPrompt</name>
    <message>
        <source>And now: how much distress do you feel, from 0 to 10?</source>
        <translation>والآن: ما درجة ضيقك، من 0 إلى 10؟</translation>
    </message>
    <message>
        <source>Before you start: how much distress do you feel right now, from 0 to 10?</source>
        <translation>قبل البدء: ما درجة ضيقك الآن، من 0 إلى 10؟</translation>
    </message>
    <message>
        <source>%1 – none</source>
        <translation>%1 – لا ضيق</translation>
    </message>
    <message>
        <source>%1 – the most you can imagine</source>
        <translation>%1 – أشد ما يمكن تخيله</translation>
    </message>
    <message>
        <source>Distress %1 out of 10</source>
        <translation>الضيق %1 من 10</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <source>Duress passphrase</source>
        <translation>عبارة المرور تحت الإكراه</translation>
    </message>
    <message>
        <source>A duress passphrase is not a spare way into your journal. If someone forces you to open the app, type it instead of your own passphrase: it then either erases your journal or opens a harmless decoy journal, as you choose below. It must be different from your passphrase. Nobody can tell from the files that it exists.</source>
        <translation>عبارة المرور تحت الإكراه ليست طريقة احتياطية لفتح يومياتك. إذا أجبرك أحد على فتح التطبيق، تُكتب هذه العبارة بدلًا من عبارة المرور المعتادة، فتفعل أحد أمرين بحسب الاختيار أدناه: تمسح يومياتك، أو تفتح يوميات بديلة لا تكشف شيئًا. يجب أن تكون مختلفة عن عبارة المرور. لا يستطيع أحد أن يعرف من الملفات أنها موجودة.</translation>
    </message>
    <message>
        <source>&amp;Erase everything, and show a new, empty app</source>
        <translation>&amp;مسح كل شيء، وعرض التطبيق جديدًا وفارغًا</translation>
    </message>
    <message>
        <source>&amp;Open a harmless decoy journal</source>
        <translation>&amp;فتح يوميات بديلة لا تكشف شيئًا</translation>
    </message>
    <message>
        <source>Your journal is erased at once and cannot be brought back, except from a backup you keep elsewhere.</source>
        <translation>تُمسح اليوميات فورًا ولا يمكن استعادتها، إلا من نسخة احتياطية محفوظة في مكان آخر.</translation>
    </message>
    <message>
        <source>The decoy starts with a few everyday entries. Open it with this passphrase now and then and write in it, so it looks used. Setting up a new decoy replaces the old one.</source>
        <translation>تبدأ اليوميات البديلة ببضع تدوينات يومية عادية. يُستحسن فتحها بهذه العبارة من حين لآخر والكتابة فيها، كي تبدو مستخدمة. إعداد يوميات بديلة جديدة يحلّ محل القديمة.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
</context>
<context>
    <name>EmotionChips</name>
    <message>
        <source>selected</source>
        <translation>مختار</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>غير مختار</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Other feelings</source>
        <translation>مشاعر أخرى</translation>
    </message>
    <message>
        <source>Feelings that came with imported entries.</source>
        <translation>مشاعر جاءت مع تدوينات مستوردة.</translation>
    </message>
    <message>
        <source>Find a feeling (English or Arabic)</source>
        <translation>ابحث عن شعور (بالعربية أو الإنجليزية)</translation>
    </message>
    <message>
        <source>Find a feeling</source>
        <translation>البحث عن شعور</translation>
    </message>
    <message>
        <source>Feelings</source>
        <translation>المشاعر</translation>
    </message>
    <message>
        <source>No feeling matches “%1”.</source>
        <translation>لا شعور يطابق «%1».</translation>
    </message>
</context>
<context>
    <name>EmotionRow</name>
    <message>
        <source>Name the feeling</source>
        <translation>اسم الشعور</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>الشعور</translation>
    </message>
    <message>
        <source>Intensity, 0 to 100</source>
        <translation>الشدة، من 0 إلى 100</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove this emotion</source>
        <translation>إزالة هذا الشعور</translation>
    </message>
</context>
<context>
    <name>EmptyTimeline</name>
    <message>
        <source>Nothing here matches this search. Other words may find it.</source>
        <translation>لا شيء هنا يطابق هذا البحث. قد تنجح كلمات أخرى.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>مسح البحث</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>المهملات فارغة.</translation>
    </message>
    <message>
        <source>Back to the journal</source>
        <translation>العودة إلى اليوميات</translation>
    </message>
    <message>
        <source>Your journal is waiting. Starting is easy: one tap for today's mood.</source>
        <translation>يومياتك بانتظارك. البداية سهلة: نقرة واحدة لتسجيل مزاج اليوم.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>تسجيل المزاج</translation>
    </message>
    <message>
        <source>Your journal is waiting. A few words about today are a good start.</source>
        <translation>يومياتك بانتظارك. بضع كلمات عن اليوم بداية جيدة.</translation>
    </message>
    <message>
        <source>Write your first entry</source>
        <translation>كتابة أول تدوينة</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Edit entry</source>
        <translation>تعديل التدوينة</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>تدوينة جديدة</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;متى:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>المزاج:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>ال&amp;وسوم:</translation>
    </message>
    <message>
        <source>What I tried:</source>
        <translation>ما جربته:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>اختياري</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>افصل بين الوسوم بفواصل</translation>
    </message>
    <message>
        <source>Write whatever you like. Markdown works: **bold**, *italic*, - lists.</source>
        <translation>مساحة للكتابة بحرية. يمكن استخدام ماركداون: **عريض**، *مائل*، - قوائم.</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>نص التدوينة</translation>
    </message>
    <message>
        <source>&amp;Emotions:</source>
        <translation>ال&amp;مشاعر:</translation>
    </message>
    <message>
        <source>&amp;More: date, what I tried</source>
        <translation>ال&amp;مزيد: التاريخ وما جرّبته</translation>
    </message>
    <message>
        <source>Write or preview</source>
        <translation>الكتابة أو المعاينة</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>ال&amp;كتابة</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;معاينة</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <source>Mood: %1</source>
        <translation>المزاج: %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>تجاهل التغييرات؟</translation>
    </message>
    <message>
        <source>You have changes that are not saved. Discard them?</source>
        <translation>لديك تغييرات لم تُحفظ. هل تريد تجاهلها؟</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>ت&amp;جاهل التغييرات</translation>
    </message>
    <message>
        <source>Draft kept safely in your journal at %1</source>
        <translation>حُفظت المسودة بأمان داخل يومياتك في %1</translation>
    </message>
    <message>
        <source>Your unfinished entry was kept as a draft.</source>
        <translation>حُفظت تدوينتك غير المكتملة مسودةً داخل يومياتك.</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <source>Selected entry</source>
        <translation>التدوينة المحددة</translation>
    </message>
    <message>
        <source>Select an entry to read it here.</source>
        <translation>تظهر هنا التدوينة المختارة للقراءة.</translation>
    </message>
    <message>
        <source>Mood:</source>
        <translation>المزاج:</translation>
    </message>
    <message>
        <source>Emotions:</source>
        <translation>المشاعر:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <source>What I tried:</source>
        <translation>ما جربته:</translation>
    </message>
    <message>
        <source>Writing about:</source>
        <translation>فكرة الكتابة:</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>distress %1 → %2</source>
        <translation>الضيق %1 ← %2</translation>
    </message>
    <message>
        <source>helpfulness %1/5</source>
        <translation>الفائدة %1/5</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>حدث خطأ ما.</translation>
    </message>
    <message>
        <source>That passphrase is not right. Nothing was changed.</source>
        <translation>عبارة المرور هذه غير صحيحة. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>That recovery key is not right. Nothing was changed.</source>
        <translation>مفتاح الاسترداد هذا غير صحيح. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>There is no journal in this folder yet. Create one first (peerapp init).</source>
        <translation>لا توجد يوميات في هذا المجلد بعد. أنشئها أولًا (peerapp init).</translation>
    </message>
    <message>
        <source>A journal already exists in this folder.</source>
        <translation>توجد يوميات في هذا المجلد بالفعل.</translation>
    </message>
    <message>
        <source>The key file of this journal is damaged or missing, so it cannot be opened. Nothing was changed; restore it from a backup.</source>
        <translation>ملف المفاتيح الخاص بهذه اليوميات تالف أو مفقود، لذا لا يمكن فتحها. لم يتغير شيء؛ استعده من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The journal database is damaged or incomplete, so it cannot be opened. Nothing was changed; restore it from a backup.</source>
        <translation>قاعدة بيانات اليوميات تالفة أو ناقصة، لذا لا يمكن فتحها. لم يتغير شيء؛ استعدها من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>This journal was written by a newer version of peerapp. Update the app to open it; the file was not touched.</source>
        <translation>كُتبت هذه اليوميات بإصدار أحدث من peerapp. حدّث التطبيق لفتحها؛ لم يُمسّ الملف.</translation>
    </message>
    <message>
        <source>The journal is locked.</source>
        <translation>اليوميات مقفلة.</translation>
    </message>
    <message>
        <source>No journal entry has that id.</source>
        <translation>لا توجد تدوينة بهذا الرقم.</translation>
    </message>
    <message>
        <source>That value is not valid.</source>
        <translation>هذه القيمة غير صالحة.</translation>
    </message>
    <message>
        <source>The passphrase must be at least 8 characters long.</source>
        <translation>يجب ألا تقل عبارة المرور عن 8 أحرف.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>أُلغيت العملية. لم يُكتب أي شيء.</translation>
    </message>
    <message>
        <source>That folder is not empty. Choose an empty or new folder for the exported files.</source>
        <translation>هذا المجلد ليس فارغًا. يلزم مجلد فارغ أو جديد للملفات المُصدَّرة.</translation>
    </message>
    <message>
        <source>This file is not in the expected format, so nothing was imported.</source>
        <translation>هذا الملف ليس بالصيغة المتوقعة، لذلك لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>This is a folder or a special file, not a file to import. Nothing was imported.</source>
        <translation>هذا مجلد أو ملف خاص، وليس ملفًا يمكن استيراده. لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>This file is larger than 512 MB, more than an import can read. Nothing was imported.</source>
        <translation>حجم هذا الملف أكبر من 512 ميغابايت، وهذا أكثر مما يستطيع الاستيراد قراءته. لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>This file is not UTF-8 text; it may be damaged or in another format. Nothing was imported.</source>
        <translation>هذا الملف ليس نصًا بترميز UTF-8؛ ربما هو تالف أو بصيغة أخرى. لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>One entry or value in this file is larger than 8 MB, so the file looks damaged. Nothing was imported.</source>
        <translation>إحدى التدوينات أو القيم في هذا الملف أكبر من 8 ميغابايت، لذا يبدو الملف تالفًا. لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>This file nests values more than 64 levels deep, which no journal export does. Nothing was imported.</source>
        <translation>تتداخل القيم في هذا الملف لأكثر من 64 مستوى، وهذا ما لا يفعله أي ملف تصدير لليوميات. لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>More than 1000 rows of this file cannot be read, so it does not look like a journal export. Nothing was imported.</source>
        <translation>تتعذّر قراءة أكثر من 1000 صف في هذا الملف، لذا لا يبدو ملفَّ تصدير لليوميات. لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>Some mood labels in this file are unknown. Give each one a mood from 1 to 5 (for example --mood-map LABEL=4); nothing was imported yet.</source>
        <translation>بعض تسميات المزاج في هذا الملف غير معروفة. أعطِ كلًّا منها درجة مزاج من 1 إلى 5 (مثلًا ‎--mood-map LABEL=4)؛ لم يُستورد أي شيء بعد.</translation>
    </message>
    <message>
        <source>This row could not be read and was skipped.</source>
        <translation>تعذّرت قراءة هذا الصف فتم تخطّيه.</translation>
    </message>
    <message>
        <source>The date or time of this row is not valid; it was skipped.</source>
        <translation>تاريخ هذا الصف أو وقته غير صالح؛ تم تخطّيه.</translation>
    </message>
    <message>
        <source>The mood of this row is not valid; it was skipped.</source>
        <translation>المزاج في هذا الصف غير صالح؛ تم تخطّيه.</translation>
    </message>
    <message>
        <source>This row is missing a required column; it was skipped.</source>
        <translation>ينقص هذا الصف عمودٌ مطلوب؛ تم تخطّيه.</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete, so it cannot be restored. Nothing was changed.</source>
        <translation>هذه النسخة الاحتياطية تالفة أو ناقصة، لذلك لا يمكن استعادتها. لم يتغيّر أي شيء.</translation>
    </message>
    <message>
        <source>A journal already exists in this folder. Restoring would replace it; confirm that first. Nothing was changed.</source>
        <translation>توجد يوميات في هذا المجلد بالفعل، والاستعادة ستستبدلها؛ أكِّد ذلك أولًا. لم يتغيّر أي شيء.</translation>
    </message>
    <message>
        <source>That passphrase is already used for this journal. Choose a different one. Nothing was changed.</source>
        <translation>عبارة المرور هذه مستخدمة من قبل لهذه اليوميات. يُرجى اختيار عبارة مختلفة. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>The confirmation word was not typed correctly. Nothing was erased.</source>
        <translation>لم تُكتب كلمة التأكيد بشكل صحيح. لم يُمسح شيء.</translation>
    </message>
    <message>
        <source>The key file (vault.keys) is damaged, so your passphrase cannot open the journal. This was not counted as a wrong try and nothing was changed. Open it with your recovery key, or take the key file from a backup of this journal.</source>
        <translation>ملف المفاتيح (vault.keys) تالف، لذا لا تستطيع عبارة المرور فتح اليوميات. لم تُحسب هذه محاولةً خاطئة ولم يتغير شيء. يمكن فتحها بمفتاح الاسترداد، أو بأخذ ملف المفاتيح من نسخة احتياطية لهذه اليوميات.</translation>
    </message>
    <message>
        <source>The key file in this backup does not open this journal (it belongs to another journal). Nothing was changed.</source>
        <translation>ملف المفاتيح في هذه النسخة الاحتياطية لا يفتح هذه اليوميات (فهو ليوميات أخرى). لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Your journal is busy with another task, such as an import. Nothing was lost; try again in a moment.</source>
        <translation>يومياتك مشغولة الآن بمهمة أخرى، مثل الاستيراد. لم يضِع شيء؛ يمكن المحاولة بعد قليل.</translation>
    </message>
    <message>
        <source>The journal file is damaged. To protect what is left, nothing more will be written to it. Restore your newest good backup.</source>
        <translation>ملف اليوميات تالف. حفاظًا على ما تبقّى منه، لن يُكتب فيه شيء بعد الآن. يُستحسن استعادة أحدث نسخة احتياطية سليمة.</translation>
    </message>
    <message>
        <source>The text is too long. Nothing was saved.</source>
        <translation>النص طويل جدًا. لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Wait a moment, then try again.</source>
        <translation>محاولات خاطئة كثيرة. يُرجى الانتظار قليلًا ثم المحاولة مجددًا.</translation>
    </message>
    <message>
        <source>The server settings are not valid. The database must be sqlite:///PATH or postgresql://…, and the numbers must not be negative.</source>
        <translation>إعدادات الخادم غير صالحة. يجب أن تكون قاعدة البيانات ‎sqlite:///PATH‎ أو ‎postgresql://…‎، وألّا تكون الأرقام سالبة.</translation>
    </message>
    <message>
        <source>An SQLite database serves one server process only. For --workers above 1, use PostgreSQL (--db postgresql://…).</source>
        <translation>قاعدة بيانات SQLite لا تخدم إلا عملية خادم واحدة. لتشغيل أكثر من عملية واحدة بالخيار ‎--workers‎ استعمل PostgreSQL ‏(‎--db postgresql://…‎).</translation>
    </message>
    <message>
        <source>The group server could not start. Check that the port is free and the database can be opened.</source>
        <translation>تعذّر تشغيل خادم المجموعات. يُرجى التأكّد من أن المنفذ غير مستخدم وأن قاعدة البيانات يمكن فتحها.</translation>
    </message>
    <message>
        <source>There is no group with that number or name on this device.</source>
        <translation>لا توجد على هذا الجهاز مجموعة بهذا الرقم أو الاسم.</translation>
    </message>
    <message>
        <source>You are already a member of this group.</source>
        <translation>أنت عضو في هذه المجموعة بالفعل.</translation>
    </message>
    <message>
        <source>There is no post with that id in this group.</source>
        <translation>لا يوجد في هذه المجموعة منشور بهذا المعرّف.</translation>
    </message>
    <message>
        <source>More than one post starts with those characters. Give more of the id.</source>
        <translation>أكثر من منشور يبدأ بهذه الأحرف. يلزم جزء أطول من المعرّف.</translation>
    </message>
    <message>
        <source>A pseudonym needs 1 to 64 characters and cannot contain line breaks.</source>
        <translation>يحتاج الاسم المستعار إلى حرف واحد حتى 64 حرفًا، دون فواصل أسطر.</translation>
    </message>
    <message>
        <source>A group name needs 1 to 120 characters.</source>
        <translation>يحتاج اسم المجموعة إلى حرف واحد حتى 120 حرفًا.</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, for example https://groups.example.org.</source>
        <translation>يجب أن يبدأ عنوان الخادم بـ http://‎ أو https://‎، مثل https://groups.example.org.</translation>
    </message>
    <message>
        <source>The proxy must look like socks5h://127.0.0.1:9050 (socks5:// or socks5h://, a host and a port).</source>
        <translation>يجب أن يكون الوسيط مثل socks5h://127.0.0.1:9050 (يبدأ بـ socks5://‎ أو socks5h://‎ وفيه مضيف ومنفذ).</translation>
    </message>
    <message>
        <source>A post needs some text, at most 20,000 characters, and a content warning of at most 200.</source>
        <translation>يحتاج المنشور إلى نص لا يتجاوز 20,000 حرف، وتنبيه محتوى لا يتجاوز 200 حرف.</translation>
    </message>
    <message>
        <source>This post is too long to send. Split it into two posts.</source>
        <translation>هذا المنشور أطول من أن يُرسل. قسّمه إلى منشورين.</translation>
    </message>
    <message>
        <source>Only the author of a post or the group's admin can delete it.</source>
        <translation>لا يحذف المنشور إلا كاتبه أو مشرف المجموعة.</translation>
    </message>
    <message>
        <source>Only the group's admin can read reports.</source>
        <translation>لا يقرأ البلاغات إلا مشرف المجموعة.</translation>
    </message>
    <message>
        <source>Only an admin of this group can do that.</source>
        <translation>لا يستطيع القيام بذلك إلا أحد مشرفي هذه المجموعة.</translation>
    </message>
    <message>
        <source>There is no member with that pseudonym in this group.</source>
        <translation>لا يوجد في هذه المجموعة عضو بهذا الاسم المستعار.</translation>
    </message>
    <message>
        <source>This group still uses the first version of groups. Its admin can upgrade it first.</source>
        <translation>ما زالت هذه المجموعة تستخدم الإصدار الأول من المجموعات، ويمكن لمشرفها ترقيتها أولًا.</translation>
    </message>
    <message>
        <source>This group already uses the newer version of groups.</source>
        <translation>هذه المجموعة تستخدم الإصدار الأحدث من المجموعات بالفعل.</translation>
    </message>
    <message>
        <source>An admin of this group has not approved you yet. You can read and write once they do.</source>
        <translation>لم يوافق أيٌّ من مشرفي هذه المجموعة على انضمامك بعد. يمكنك القراءة والكتابة فور الموافقة.</translation>
    </message>
    <message>
        <source>You joined this group a moment ago. Sync once to receive its key; then you can write.</source>
        <translation>انضممت إلى هذه المجموعة للتو. زامِن مرة واحدة لتصلك مفاتيحها، ثم يمكنك الكتابة.</translation>
    </message>
    <message>
        <source>You are no longer a member of this group: you cannot read its new posts or write to it.</source>
        <translation>لم تعد هذه المجموعة تضمّك: لا يمكنك قراءة منشوراتها الجديدة ولا الكتابة فيها.</translation>
    </message>
    <message>
        <source>You cannot do that to yourself. To leave the group, use leave instead.</source>
        <translation>لا يمكن تطبيق ذلك على حسابك أنت. لمغادرة المجموعة يمكن استخدام «مغادرة» بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>In this group your pseudonym is tied to your keys, so it cannot change.</source>
        <translation>اسمك المستعار في هذه المجموعة مرتبط بمفاتيحك، لذا لا يمكن تغييره.</translation>
    </message>
    <message>
        <source>Someone in this group already uses that pseudonym. Choose another one for this group.</source>
        <translation>هناك من يستخدم هذا الاسم المستعار في هذه المجموعة. يُرجى اختيار اسم آخر لهذه المجموعة.</translation>
    </message>
    <message>
        <source>Rules can hold at most 4,000 characters and 12 contacts, each with a name and a way to reach them.</source>
        <translation>يمكن أن تضم القواعد 4000 حرف على الأكثر و12 جهة اتصال، لكلٍّ منها اسم وطريقة للتواصل.</translation>
    </message>
    <message>
        <source>This group moved to a newer version of peerapp. Update peerapp to keep using it.</source>
        <translation>انتقلت هذه المجموعة إلى إصدار أحدث من peerapp. يُرجى تحديث peerapp لمواصلة استخدامها.</translation>
    </message>
    <message>
        <source>Group sync is paused in the settings. Nothing was sent or received.</source>
        <translation>مزامنة المجموعات متوقفة مؤقتًا في الإعدادات. لم يُرسل شيء ولم يصل شيء.</translation>
    </message>
    <message>
        <source>The group server could not be reached. Your posts are kept on this device and will be sent later.</source>
        <translation>تعذّر الوصول إلى خادم المجموعة. منشوراتك محفوظة على هذا الجهاز وستُرسل لاحقًا.</translation>
    </message>
    <message>
        <source>The group server is too slow or too busy right now, so this sync stopped. Nothing is lost: what arrived is kept, and the rest comes at the next sync.</source>
        <translation>خادم المجموعة بطيء جدًا أو مشغول الآن، فتوقفت هذه المزامنة. لم يضِع شيء: ما وصل محفوظ، والباقي يصل عند المزامنة القادمة.</translation>
    </message>
    <message>
        <source>The group server refused the request.</source>
        <translation>رفض خادم المجموعة الطلب.</translation>
    </message>
    <message>
        <source>This server creates groups only with a creation token from its operator. Ask them for a server address that includes one.</source>
        <translation>لا يُنشئ هذا الخادم مجموعات إلا برمز إنشاء من القائمين عليه. اطلب منهم عنوان خادم يتضمّن رمزًا.</translation>
    </message>
    <message>
        <source>The server did not accept the creation token: it is wrong or was revoked. Ask the server's operator for a new one.</source>
        <translation>لم يقبل الخادم رمز الإنشاء: فهو غير صحيح أو أُلغي. اطلب رمزًا جديدًا من القائمين على الخادم.</translation>
    </message>
    <message>
        <source>The server asks for more work than this device will do to create a group. Try another server.</source>
        <translation>يطلب الخادم لإنشاء المجموعة جهدًا حسابيًّا أكبر مما يقبله هذا الجهاز. جرّب خادمًا آخر.</translation>
    </message>
    <message>
        <source>The server's operator has suspended this group. Nothing can be sent or received for now.</source>
        <translation>علّق القائمون على الخادم هذه المجموعة، فلا يمكن الإرسال إليها أو الاستلام منها حاليًّا.</translation>
    </message>
    <message>
        <source>This group is full on its server. Room is made as older posts expire.</source>
        <translation>امتلأت مساحة هذه المجموعة على خادمها، وتتوفّر مساحة جديدة كلما انتهت مدة المنشورات الأقدم.</translation>
    </message>
    <message>
        <source>This group has had as many posts today as its server allows. Your post will be sent tomorrow.</source>
        <translation>بلغت هذه المجموعة اليوم الحدَّ الأقصى للمنشورات الذي يسمح به خادمها. سيُرسَل منشورك غدًا.</translation>
    </message>
    <message>
        <source>The group server is full and takes no new posts for now. Try again later.</source>
        <translation>خادم المجموعات ممتلئ ولا يقبل منشورات جديدة حاليًّا. حاول مرة أخرى لاحقًا.</translation>
    </message>
    <message>
        <source>The group server sent something that is not valid. It was ignored.</source>
        <translation>أرسل خادم المجموعة شيئًا غير صالح، فتم تجاهله.</translation>
    </message>
    <message>
        <source>That invite code is not valid. Check that it was copied completely and try again.</source>
        <translation>رمز الدعوة هذا غير صالح. يُرجى التأكد من نسخه كاملًا ثم المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>The list of verified contacts is missing or damaged, so it cannot be shown.</source>
        <translation>قائمة الجهات التي تحققنا منها مفقودة أو تالفة، لذا يتعذر عرضها.</translation>
    </message>
    <message>
        <source>A server process stopped with an error; the log above says which and why.</source>
        <translation>توقفت إحدى عمليات الخادم بخطأ؛ يبيّن السجل أعلاه أيّها ولماذا.</translation>
    </message>
    <message>
        <source>The writing prompts could not be read. The journal is not affected.</source>
        <translation>تعذّرت قراءة أفكار الكتابة. اليوميات لم تتأثر بذلك.</translation>
    </message>
    <message>
        <source>A self-check needs one answer from 1 to 5 for each question, and a known check.</source>
        <translation>يحتاج الفحص الذاتي إلى إجابة واحدة من 1 إلى 5 عن كل سؤال، وإلى فحص معروف.</translation>
    </message>
    <message>
        <source>No template has that id.</source>
        <translation>لا يوجد قالب بهذا الرقم.</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>يحتاج القالب إلى اسم.</translation>
    </message>
    <message>
        <source>You already have a template with that name. Choose another name.</source>
        <translation>يوجد قالب بهذا الاسم من قبل. يُرجى اختيار اسم آخر.</translation>
    </message>
    <message>
        <source>Each section of a template needs a heading.</source>
        <translation>يحتاج كل قسم من أقسام القالب إلى عنوان فرعي.</translation>
    </message>
    <message>
        <source>This template is too long to save: a name up to 80 characters, a title up to 200, up to 20 tags and 20 sections. Nothing was saved.</source>
        <translation>هذا القالب أطول من أن يُحفظ: اسم حتى 80 حرفًا، وعنوان حتى 200 حرف، وحتى 20 وسمًا و20 قسمًا. لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <source>That feeling is not one the app knows. Nothing was saved.</source>
        <translation>هذا الشعور ليس من المشاعر التي يعرفها التطبيق. لم يُحفظ أي شيء.</translation>
    </message>
</context>
<context>
    <name>ExpiryChoice</name>
    <message>
        <source>Never</source>
        <translation>لا تنتهي</translation>
    </message>
    <message>
        <source>After one day</source>
        <translation>بعد يوم واحد</translation>
    </message>
    <message>
        <source>After one week</source>
        <translation>بعد أسبوع</translation>
    </message>
    <message numerus="yes">
        <source>After %n days</source>
        <translation>
            <numerusform>بعد %n يوم</numerusform>
            <numerusform>بعد يوم واحد</numerusform>
            <numerusform>بعد يومين</numerusform>
            <numerusform>بعد %n أيام</numerusform>
            <numerusform>بعد %n يومًا</numerusform>
            <numerusform>بعد %n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Invite expires</source>
        <translation>مدة صلاحية الدعوة</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export journal</source>
        <translation>تصدير اليوميات</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;الحفظ في:</translation>
    </message>
    <message>
        <source>One file per entry, in a new folder</source>
        <translation>ملف لكل تدوينة، في مجلد جديد</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ت&amp;صفّح…</translation>
    </message>
    <message>
        <source>Export file or folder</source>
        <translation>ملف التصدير أو مجلده</translation>
    </message>
    <message>
        <source>The exported file is not encrypted: anyone who can open it can read your journal.</source>
        <translation>الملف المُصدَّر غير مشفّر: يستطيع أي شخص يفتحه أن يقرأ يومياتك.</translation>
    </message>
    <message>
        <source>Choose an empty folder</source>
        <translation>اختيار مجلد فارغ</translation>
    </message>
    <message>
        <source>Don't show this again</source>
        <translation>عدم إظهار هذا مرة أخرى</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>التصدير على أي حال</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>اختيار مكان حفظ الملف المُصدَّر.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entries.</source>
        <translation>
            <numerusform>لم تُصدَّر أي تدوينة.</numerusform>
            <numerusform>صُدِّرت تدوينة واحدة.</numerusform>
            <numerusform>صُدِّرت تدوينتان.</numerusform>
            <numerusform>صُدِّرت %Ln تدوينات.</numerusform>
            <numerusform>صُدِّرت %Ln تدوينةً.</numerusform>
            <numerusform>صُدِّرت %Ln تدوينة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportWarning</name>
    <message>
        <source>This file will not be encrypted. Anyone who can open this computer, or the place you save it, can read your journal. Keep it somewhere safe, or make an encrypted backup instead.</source>
        <translation>لن يكون هذا الملف مشفّرًا. يستطيع أي شخص يمكنه فتح هذا الحاسوب، أو المكان الذي يُحفظ فيه الملف، أن يقرأ يومياتك. الأفضل حفظه في مكان آمن، أو إنشاء نسخة احتياطية مشفّرة بدلًا منه.</translation>
    </message>
</context>
<context>
    <name>FeedView</name>
    <message>
        <source>Posts, newest first</source>
        <translation>المنشورات، الأحدث أولًا</translation>
    </message>
    <message>
        <source>No posts yet. Write the first one above.</source>
        <translation>لا منشورات بعد. يمكن كتابة أول منشور في الأعلى.</translation>
    </message>
    <message>
        <source>Delete your post? It is removed for everyone in the group.</source>
        <translation>أتحذف منشورك؟ سيُزال عند الجميع في المجموعة.</translation>
    </message>
    <message>
        <source>Delete this post as the group's admin? It is removed for everyone in the group.</source>
        <translation>أتحذف هذا المنشور بصفتك مشرف المجموعة؟ سيُزال عند الجميع في المجموعة.</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>حذف المنشور</translation>
    </message>
    <message>
        <source>&amp;Delete post</source>
        <translation>&amp;حذف المنشور</translation>
    </message>
    <message>
        <source>Report post</source>
        <translation>الإبلاغ عن منشور</translation>
    </message>
    <message>
        <source>Thank you. Your report will be sent to the group's admin.</source>
        <translation>شكرًا لك. سيصل بلاغك إلى مشرف المجموعة.</translation>
    </message>
</context>
<context>
    <name>GroundingTool</name>
    <message>
        <source>5-4-3-2-1 grounding</source>
        <translation>التثبيت بالحواس 5-4-3-2-1</translation>
    </message>
    <message>
        <source>Five things you can see</source>
        <translation>خمسة أشياء يمكنك رؤيتها</translation>
    </message>
    <message>
        <source>Look around and name them to yourself: a crack in the wall, the colour of a cup, the shape of a window.</source>
        <translation>جولة بالنظر فيما حولك، وتسميتها في سرك: شق في الجدار، لون فنجان، شكل نافذة.</translation>
    </message>
    <message>
        <source>Something you can see</source>
        <translation>شيء يمكنك رؤيته</translation>
    </message>
    <message>
        <source>Four things you can feel</source>
        <translation>أربعة أشياء يمكنك لمسها أو الإحساس بها في جسدك</translation>
    </message>
    <message>
        <source>Your feet on the floor, the fabric of your sleeve, the weight of your body on the chair, the air on your skin.</source>
        <translation>قدماك على الأرض، قماش كمك، ثقل جسدك على الكرسي، الهواء على بشرتك.</translation>
    </message>
    <message>
        <source>Something you can feel</source>
        <translation>شيء يمكنك لمسه أو الإحساس به</translation>
    </message>
    <message>
        <source>Three things you can hear</source>
        <translation>ثلاثة أشياء يمكنك سماعها</translation>
    </message>
    <message>
        <source>A car outside, a fan, your own breathing. Distant sounds count too.</source>
        <translation>سيارة في الخارج، مروحة، صوت أنفاسك. والأصوات البعيدة تُحسب أيضًا.</translation>
    </message>
    <message>
        <source>Something you can hear</source>
        <translation>شيء يمكنك سماعه</translation>
    </message>
    <message>
        <source>Two things you can smell</source>
        <translation>شيئان يمكنك شمهما</translation>
    </message>
    <message>
        <source>Soap, tea, the air itself. If you cannot smell anything, move somewhere you can, or think of two smells you like.</source>
        <translation>صابون، شاي، رائحة الهواء نفسه. وإن لم تصلك أي رائحة، فيمكنك الانتقال إلى مكان آخر، أو استحضار رائحتين محببتين إليك.</translation>
    </message>
    <message>
        <source>Something you can smell</source>
        <translation>شيء يمكنك شمه</translation>
    </message>
    <message>
        <source>One thing you can taste</source>
        <translation>شيء واحد يمكنك تذوقه</translation>
    </message>
    <message>
        <source>A sip of water, mint, or just the taste in your mouth right now.</source>
        <translation>رشفة ماء، أو حبة نعناع، أو مجرد الطعم الموجود في فمك الآن.</translation>
    </message>
    <message>
        <source>Something you can taste</source>
        <translation>شيء يمكنك تذوقه</translation>
    </message>
    <message>
        <source>Start with one slow breath. Then, without rushing, notice:</source>
        <translation>البداية بنفَس بطيء واحد، ثم ملاحظة ما يلي على مهل:</translation>
    </message>
    <message>
        <source>Finish with another slow breath and notice how you feel.</source>
        <translation>والختام بنفَس بطيء آخر، مع ملاحظة ما تغيّر في إحساسك.</translation>
    </message>
    <message>
        <source>Go &amp;round again</source>
        <translation>&amp;جولة أخرى</translation>
    </message>
    <message>
        <source>What you type here is only for this moment; it is not saved.</source>
        <translation>ما يُكتب هنا لهذه اللحظة فقط، ولا يُحفظ.</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;رجوع</translation>
    </message>
    <message>
        <source>%v of %m noticed</source>
        <translation>لوحظ %v من %m</translation>
    </message>
    <message>
        <source>Things noticed</source>
        <translation>الأشياء الملحوظة</translation>
    </message>
    <message>
        <source>%1, %2 of %3</source>
        <translation>%1، %2 من %3</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>انتهى</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>أحسنت</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>الخطوة %1 من %2</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;إنهاء</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>ال&amp;تالي</translation>
    </message>
</context>
<context>
    <name>GroupSettingsDialog</name>
    <message>
        <source>Group settings</source>
        <translation>إعدادات المجموعات</translation>
    </message>
    <message>
        <source>peerapp contacts a group server only after you create or join a group, and only that group's server.</source>
        <translation>لا يتصل peerapp بخادم مجموعات إلا بعد أن تنشئ مجموعة أو تنضم إليها، ولا يتصل إلا بخادم تلك المجموعة.</translation>
    </message>
    <message>
        <source>&amp;Pause group sync (nothing is sent or received)</source>
        <translation>إي&amp;قاف مزامنة المجموعات مؤقتًا (لا يُرسل شيء ولا يُستقبل)</translation>
    </message>
    <message>
        <source>SOCKS5 &amp;proxy:</source>
        <translation>و&amp;سيط SOCKS5:</translation>
    </message>
    <message>
        <source>socks5h://127.0.0.1:9050</source>
        <translation>socks5h://127.0.0.1:9050</translation>
    </message>
    <message>
        <source>SOCKS5 proxy address</source>
        <translation>عنوان وسيط SOCKS5</translation>
    </message>
    <message>
        <source>Optional. Sends all group traffic through a proxy, so the server does not see your internet address. For Tor, run Tor and enter socks5h://127.0.0.1:9050 (with h, so server names are looked up through Tor too). Leave it empty to connect directly.</source>
        <translation>اختياري. يمرّر كل اتصالات المجموعات عبر وسيط، فلا يرى الخادم عنوانك على الإنترنت. لاستخدام Tor، يلزم تشغيله وكتابة socks5h://127.0.0.1:9050 (مع الحرف h، لتُحَلّ أسماء الخوادم عبر Tor أيضًا). ويُترك الحقل فارغًا للاتصال مباشرة.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>A proxy address looks like socks5h://127.0.0.1:9050: socks5:// or socks5h://, a host and a port.</source>
        <translation>عنوان الوسيط يشبه socks5h://127.0.0.1:9050: يبدأ بـ socks5:// أو socks5h:// ثم مضيف ومنفذ.</translation>
    </message>
</context>
<context>
    <name>GroupStrip</name>
    <message>
        <source>&amp;Members…</source>
        <translation>الأ&amp;عضاء…</translation>
    </message>
    <message>
        <source>Members and safety codes</source>
        <translation>الأعضاء ورموز الأمان</translation>
    </message>
    <message>
        <source>Rules and support &amp;contacts…</source>
        <translation>القواعد و&amp;جهات الدعم…</translation>
    </message>
    <message>
        <source>&amp;Upgrade this group…</source>
        <translation>&amp;ترقية هذه المجموعة…</translation>
    </message>
    <message>
        <source>Waiting for an admin to let you in</source>
        <translation>بانتظار أن يقبلك أحد المشرفين</translation>
    </message>
    <message>
        <source>This group's admins approve each new member. Once one of them lets you in, the posts appear here and you can write. There is nothing more you need to do.</source>
        <translation>يوافق مشرفو هذه المجموعة على كل عضو جديد. حين يقبلك أحدهم تظهر المنشورات هنا ويمكنك الكتابة. لا شيء آخر مطلوب منك.</translation>
    </message>
    <message>
        <source>Joining the group</source>
        <translation>جارٍ الانضمام إلى المجموعة</translation>
    </message>
    <message>
        <source>The group's posts appear here after the first sync with its server.</source>
        <translation>تظهر منشورات المجموعة هنا بعد أول مزامنة مع خادمها.</translation>
    </message>
    <message>
        <source>You are no longer in this group</source>
        <translation>لم تعد في هذه المجموعة</translation>
    </message>
    <message>
        <source>New posts no longer reach you, and you can't write here. Posts you already had stay readable on this computer until you leave the group.</source>
        <translation>لم تعد المنشورات الجديدة تصلك، ولا يمكنك الكتابة هنا. تبقى المنشورات التي وصلتك مقروءة على هذا الحاسوب إلى أن تغادر المجموعة.</translation>
    </message>
    <message>
        <source>This group's server may not be telling everyone the same thing</source>
        <translation>قد لا يعرض خادم هذه المجموعة الشيءَ نفسه على الجميع</translation>
    </message>
    <message>
        <source>The group's key was changed for a list of members that does not match the one this computer has. A server that shows people different versions of a group does this. New posts may not reach you. Compare safety codes with members you trust (Members…), and tell an admin you know.</source>
        <translation>تغيّر مفتاح المجموعة لقائمة أعضاء لا تطابق القائمة المحفوظة على هذا الحاسوب، وهذا ما يحدث حين يعرض الخادم على الناس نسخًا مختلفة من المجموعة. قد لا تصل المنشورات الجديدة إلى هنا. الأسلم مقارنة رموز الأمان مع أعضاء موثوقين (الأعضاء…)، وإبلاغ مشرف معروف بذلك.</translation>
    </message>
    <message>
        <source>This group uses the older way of working</source>
        <translation>تعمل هذه المجموعة بالطريقة القديمة</translation>
    </message>
    <message>
        <source>Upgrading lets you make sure every post comes from the member it names, remove members, let new members in only with your approval, and share the admin role.</source>
        <translation>بالترقية يُضمن أن كل منشور صادر فعلًا عن العضو الذي يحمل اسمه، ويصبح بإمكانك إزالة الأعضاء، وقبول الأعضاء الجدد بموافقتك فقط، ومشاركة صفة المشرف.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Members (%n waiting)…</source>
        <translation>
            <numerusform>الأ&amp;عضاء (لا أحد بالانتظار)…</numerusform>
            <numerusform>الأ&amp;عضاء (واحد بالانتظار)…</numerusform>
            <numerusform>الأ&amp;عضاء (اثنان بالانتظار)…</numerusform>
            <numerusform>الأ&amp;عضاء (%n بالانتظار)…</numerusform>
            <numerusform>الأ&amp;عضاء (%n بالانتظار)…</numerusform>
            <numerusform>الأ&amp;عضاء (%n بالانتظار)…</numerusform>
        </translation>
    </message>
    <message>
        <source>See members and their safety codes; remove, promote or let in</source>
        <translation>عرض الأعضاء ورموز أمانهم، وإزالتهم أو منحهم صفة المشرف أو قبولهم</translation>
    </message>
    <message>
        <source>See members and their safety codes</source>
        <translation>عرض الأعضاء ورموز أمانهم</translation>
    </message>
</context>
<context>
    <name>GroupV2Actions</name>
    <message>
        <source>Upgrade this group</source>
        <translation>ترقية هذه المجموعة</translation>
    </message>
    <message>
        <source>Upgrade “%1”? Every member gets a key of their own, so nobody can post under someone else's name. You can then remove members, let new ones in only with your approval, and share the admin role. Members move over on their next sync and keep every post. The old invite stops working: you get a new one to share.</source>
        <translation>ترقية «%1»؟ سيحصل كل عضو على مفتاح خاص به، فلا يستطيع أحد النشر باسم غيره. وبعدها يمكنك إزالة الأعضاء، وقبول الجدد بموافقتك فقط، ومشاركة صفة المشرف. ينتقل الأعضاء عند مزامنتهم التالية وتبقى لهم كل المنشورات. ستتوقف الدعوة القديمة عن العمل، وستحصل على دعوة جديدة لمشاركتها.</translation>
    </message>
    <message>
        <source>&amp;Upgrade</source>
        <translation>&amp;ترقية</translation>
    </message>
    <message>
        <source>Leave “%1”? Every post of this group is wiped from this computer, including posts not sent yet. To come back you need the invite again.</source>
        <translation>أتغادر «%1»؟ ستُمحى كل منشورات هذه المجموعة من هذا الحاسوب، ومنها ما لم يُرسل بعد. للعودة ستحتاج إلى الدعوة من جديد.</translation>
    </message>
    <message>
        <source>You are the group's only admin: when you leave, another member becomes admin and the group goes on.</source>
        <translation>لا مشرف في المجموعة غيرك: حين تغادر تنتقل صفة المشرف إلى عضو آخر وتستمر المجموعة.</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>&amp;New group…</source>
        <translation>مجموعة &amp;جديدة…</translation>
    </message>
    <message>
        <source>&amp;Join group…</source>
        <translation>الان&amp;ضمام إلى مجموعة…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;زامن الآن</translation>
    </message>
    <message>
        <source>Group &amp;settings…</source>
        <translation>إ&amp;عدادات المجموعات…</translation>
    </message>
    <message>
        <source>You don't have to go through this alone</source>
        <translation>لا أحد مضطرّ إلى مواجهة الصعاب وحده</translation>
    </message>
    <message>
        <source>A group is a few people who understand, each under a name they choose, so nobody there learns who you are. Posts are encrypted end to end on this computer. Nothing leaves it, and no server is contacted, until you join or start a group.</source>
        <translation>المجموعة أشخاص قليلون يفهمونك، كلٌّ منهم باسم يختاره، فلا يعرف أحد فيها من أنت. تُشفَّر المنشورات من طرف إلى طرف على هذا الحاسوب، ولا يغادره شيء ولا يُتّصل بأي خادم حتى تنضم إلى مجموعة أو تنشئ واحدة.</translation>
    </message>
    <message>
        <source>&amp;Join with an invite…</source>
        <translation>ان&amp;ضم بدعوة…</translation>
    </message>
    <message>
        <source>Start a &amp;new group…</source>
        <translation>أنشئ مجموعة &amp;جديدة…</translation>
    </message>
    <message>
        <source>Connection settings (proxy, Tor)…</source>
        <translation>إعدادات الاتصال (الوسيط، Tor)…</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>ال&amp;مجموعة:</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>د&amp;عوة…</translation>
    </message>
    <message>
        <source>&amp;Pseudonym…</source>
        <translation>الاسم ال&amp;مستعار…</translation>
    </message>
    <message>
        <source>&amp;Leave…</source>
        <translation>م&amp;غادرة…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>جديدة…</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>مجموعة جديدة</translation>
    </message>
    <message>
        <source>Join…</source>
        <translation>انضمام…</translation>
    </message>
    <message>
        <source>Join a group</source>
        <translation>الانضمام إلى مجموعة</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>Group settings</source>
        <translation>إعدادات المجموعات</translation>
    </message>
    <message>
        <source>Content warning (optional), e.g. self-harm</source>
        <translation>تنبيه على المحتوى (اختياري)، مثل: إيذاء النفس</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>تنبيه على المحتوى</translation>
    </message>
    <message>
        <source>Write to the group… (Markdown works; Ctrl+Enter posts, even offline)</source>
        <translation>رسالة إلى المجموعة… (يعمل تنسيق Markdown؛ Ctrl+Enter للنشر، حتى دون اتصال)</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>منشور جديد</translation>
    </message>
    <message>
        <source>P&amp;ost</source>
        <translation>ا&amp;نشر</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n new)</source>
        <translation>
            <numerusform>%1 (لا منشورات جديدة)</numerusform>
            <numerusform>%1 (منشور جديد)</numerusform>
            <numerusform>%1 (منشوران جديدان)</numerusform>
            <numerusform>%1 (%n منشورات جديدة)</numerusform>
            <numerusform>%1 (%n منشورًا جديدًا)</numerusform>
            <numerusform>%1 (%n منشور جديد)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Reports (%n)</source>
        <translation>
            <numerusform>ال&amp;بلاغات (%n)</numerusform>
            <numerusform>ال&amp;بلاغات (%n)</numerusform>
            <numerusform>ال&amp;بلاغات (%n)</numerusform>
            <numerusform>ال&amp;بلاغات (%n)</numerusform>
            <numerusform>ال&amp;بلاغات (%n)</numerusform>
            <numerusform>ال&amp;بلاغات (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>مغادرة المجموعة</translation>
    </message>
    <message>
        <source>&amp;Leave the group</source>
        <translation>&amp;مغادرة المجموعة</translation>
    </message>
</context>
<context>
    <name>HelpNowButton</name>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Help pages; no passphrase needed</source>
        <translation>صفحات المساعدة؛ لا حاجة إلى عبارة المرور</translation>
    </message>
    <message>
        <source>I need help now</source>
        <translation>أحتاج إلى مساعدة الآن</translation>
    </message>
    <message>
        <source>Crisis lines and what to do right now; no passphrase needed</source>
        <translation>خطوط الأزمات وما يمكن فعله الآن، دون الحاجة إلى عبارة المرور</translation>
    </message>
</context>
<context>
    <name>HelpfulnessPrompt</name>
    <message>
        <source>How much did this help?</source>
        <translation>ما مدى فائدة هذا التمرين؟</translation>
    </message>
    <message>
        <source>%1 – did not help</source>
        <translation>%1 – لم يفد</translation>
    </message>
    <message>
        <source>%1 – a little</source>
        <translation>%1 – قليلًا</translation>
    </message>
    <message>
        <source>%1 – somewhat</source>
        <translation>%1 – إلى حد ما</translation>
    </message>
    <message>
        <source>%1 – helped</source>
        <translation>%1 – أفاد</translation>
    </message>
    <message>
        <source>%1 – helped a lot</source>
        <translation>%1 – أفاد كثيرًا</translation>
    </message>
</context>
<context>
    <name>HelpsTable</name>
    <message numerus="yes">
        <source>%1 (from %Ln ratings)</source>
        <translation>
            <numerusform>%1 (بلا تقييمات)</numerusform>
            <numerusform>%1 (من تقييم واحد)</numerusform>
            <numerusform>%1 (من تقييمين)</numerusform>
            <numerusform>%1 (من %Ln تقييمات)</numerusform>
            <numerusform>%1 (من %Ln تقييمًا)</numerusform>
            <numerusform>%1 (من %Ln تقييم)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used %Ln times</source>
        <translation>
            <numerusform>لم تُستخدم</numerusform>
            <numerusform>استُخدمت مرة واحدة</numerusform>
            <numerusform>استُخدمت مرتين</numerusform>
            <numerusform>استُخدمت %Ln مرات</numerusform>
            <numerusform>استُخدمت %Ln مرةً</numerusform>
            <numerusform>استُخدمت %Ln مرة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Distress dropped by %1 on average, from %Ln ratings</source>
        <translation>
            <numerusform>انخفض الضيق بمقدار %1 في المتوسط، بلا تقييمات</numerusform>
            <numerusform>انخفض الضيق بمقدار %1 في المتوسط، من تقييم واحد</numerusform>
            <numerusform>انخفض الضيق بمقدار %1 في المتوسط، من تقييمين</numerusform>
            <numerusform>انخفض الضيق بمقدار %1 في المتوسط، من %Ln تقييمات</numerusform>
            <numerusform>انخفض الضيق بمقدار %1 في المتوسط، من %Ln تقييمًا</numerusform>
            <numerusform>انخفض الضيق بمقدار %1 في المتوسط، من %Ln تقييم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Helpfulness %1 of 5 on average, from %Ln ratings</source>
        <translation>
            <numerusform>مدى الفائدة %1 من 5 في المتوسط، بلا تقييمات</numerusform>
            <numerusform>مدى الفائدة %1 من 5 في المتوسط، من تقييم واحد</numerusform>
            <numerusform>مدى الفائدة %1 من 5 في المتوسط، من تقييمين</numerusform>
            <numerusform>مدى الفائدة %1 من 5 في المتوسط، من %Ln تقييمات</numerusform>
            <numerusform>مدى الفائدة %1 من 5 في المتوسط، من %Ln تقييمًا</numerusform>
            <numerusform>مدى الفائدة %1 من 5 في المتوسط، من %Ln تقييم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import entries</source>
        <translation>استيراد تدوينات</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;من:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ال&amp;ملف:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ت&amp;صفّح…</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>الملف المراد استيراده</translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>اختيار ملف للاستيراد.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln entries.</source>
        <translation>
            <numerusform>لم تُضَف أي تدوينة.</numerusform>
            <numerusform>أُضيفت تدوينة واحدة.</numerusform>
            <numerusform>أُضيفت تدوينتان.</numerusform>
            <numerusform>أُضيفت %Ln تدوينات.</numerusform>
            <numerusform>أُضيفت %Ln تدوينةً.</numerusform>
            <numerusform>أُضيفت %Ln تدوينة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %Ln entries already in the journal.</source>
        <translation>
            <numerusform>لم تُتخطَّ أي تدوينة.</numerusform>
            <numerusform>تم تخطّي تدوينة واحدة موجودة في اليوميات.</numerusform>
            <numerusform>تم تخطّي تدوينتين موجودتين في اليوميات.</numerusform>
            <numerusform>تم تخطّي %Ln تدوينات موجودة في اليوميات.</numerusform>
            <numerusform>تم تخطّي %Ln تدوينةً موجودة في اليوميات.</numerusform>
            <numerusform>تم تخطّي %Ln تدوينة موجودة في اليوميات.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows could not be imported:</source>
        <translation>
            <numerusform>لا توجد صفوف تعذّر استيرادها:</numerusform>
            <numerusform>تعذّر استيراد صف واحد:</numerusform>
            <numerusform>تعذّر استيراد صفّين:</numerusform>
            <numerusform>تعذّر استيراد %Ln صفوف:</numerusform>
            <numerusform>تعذّر استيراد %Ln صفًّا:</numerusform>
            <numerusform>تعذّر استيراد %Ln صف:</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>السطر %1: %2</translation>
    </message>
</context>
<context>
    <name>InsightSummary</name>
    <message>
        <source>year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <source>month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>day</source>
        <translation>يوم</translation>
    </message>
    <message>
        <source>week</source>
        <translation>أسبوع</translation>
    </message>
    <message numerus="yes">
        <source>Your mood averaged %1 over the %Ln days with a mood in this range.</source>
        <translation>
            <numerusform>بلغ متوسط مزاجك %1 في %Ln يوم سُجّل فيه مزاج ضمن هذه المدة.</numerusform>
            <numerusform>بلغ متوسط مزاجك %1 في اليوم الوحيد الذي سُجّل فيه مزاج ضمن هذه المدة.</numerusform>
            <numerusform>بلغ متوسط مزاجك %1 في اليومين اللذين سُجّل فيهما مزاج ضمن هذه المدة.</numerusform>
            <numerusform>بلغ متوسط مزاجك %1 على مدى %Ln أيام سُجّل فيها مزاج ضمن هذه المدة.</numerusform>
            <numerusform>بلغ متوسط مزاجك %1 على مدى %Ln يومًا سُجّل فيها مزاج ضمن هذه المدة.</numerusform>
            <numerusform>بلغ متوسط مزاجك %1 على مدى %Ln يوم سُجّل فيها مزاج ضمن هذه المدة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the latest %1 your mood was higher than your average for this range: %2 over %Ln days, against %3.</source>
        <translation>
            <numerusform>في آخر %1 كان مزاجك أعلى من متوسطه في هذه المدة: %2 في %Ln يوم، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أعلى من متوسطه في هذه المدة: %2 في يوم واحد، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أعلى من متوسطه في هذه المدة: %2 في يومين، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أعلى من متوسطه في هذه المدة: %2 على مدى %Ln أيام، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أعلى من متوسطه في هذه المدة: %2 على مدى %Ln يومًا، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أعلى من متوسطه في هذه المدة: %2 على مدى %Ln يوم، مقابل %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the latest %1 your mood was lower than your average for this range: %2 over %Ln days, against %3.</source>
        <translation>
            <numerusform>في آخر %1 كان مزاجك أدنى من متوسطه في هذه المدة: %2 في %Ln يوم، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أدنى من متوسطه في هذه المدة: %2 في يوم واحد، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أدنى من متوسطه في هذه المدة: %2 في يومين، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أدنى من متوسطه في هذه المدة: %2 على مدى %Ln أيام، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أدنى من متوسطه في هذه المدة: %2 على مدى %Ln يومًا، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك أدنى من متوسطه في هذه المدة: %2 على مدى %Ln يوم، مقابل %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the latest %1 your mood was about the same as your average for this range: %2 over %Ln days, against %3.</source>
        <translation>
            <numerusform>في آخر %1 كان مزاجك قريبًا من متوسطه في هذه المدة: %2 في %Ln يوم، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك قريبًا من متوسطه في هذه المدة: %2 في يوم واحد، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك قريبًا من متوسطه في هذه المدة: %2 في يومين، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك قريبًا من متوسطه في هذه المدة: %2 على مدى %Ln أيام، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك قريبًا من متوسطه في هذه المدة: %2 على مدى %Ln يومًا، مقابل %3.</numerusform>
            <numerusform>في آخر %1 كان مزاجك قريبًا من متوسطه في هذه المدة: %2 على مدى %Ln يوم، مقابل %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of %Ln days with a mood, every weekday had about the same average (%1 to %2).</source>
        <translation>
            <numerusform>من بين %Ln يوم سُجّل فيها مزاج، كان المتوسط متقاربًا في كل أيام الأسبوع (من %1 إلى %2).</numerusform>
            <numerusform>من بين يوم واحد سُجّل فيه مزاج، كان المتوسط متقاربًا في كل أيام الأسبوع (من %1 إلى %2).</numerusform>
            <numerusform>من بين يومين سُجّل فيهما مزاج، كان المتوسط متقاربًا في كل أيام الأسبوع (من %1 إلى %2).</numerusform>
            <numerusform>من بين %Ln أيام سُجّل فيها مزاج، كان المتوسط متقاربًا في كل أيام الأسبوع (من %1 إلى %2).</numerusform>
            <numerusform>من بين %Ln يومًا سُجّل فيها مزاج، كان المتوسط متقاربًا في كل أيام الأسبوع (من %1 إلى %2).</numerusform>
            <numerusform>من بين %Ln يوم سُجّل فيها مزاج، كان المتوسط متقاربًا في كل أيام الأسبوع (من %1 إلى %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of %Ln days with a mood, %1 had the highest average (%2) and %3 the lowest (%4).</source>
        <translation>
            <numerusform>من بين %Ln يوم سُجّل فيها مزاج، كان أعلى متوسط يوم %1 (%2) وأدناه يوم %3 (%4).</numerusform>
            <numerusform>من بين يوم واحد سُجّل فيه مزاج، كان أعلى متوسط يوم %1 (%2) وأدناه يوم %3 (%4).</numerusform>
            <numerusform>من بين يومين سُجّل فيهما مزاج، كان أعلى متوسط يوم %1 (%2) وأدناه يوم %3 (%4).</numerusform>
            <numerusform>من بين %Ln أيام سُجّل فيها مزاج، كان أعلى متوسط يوم %1 (%2) وأدناه يوم %3 (%4).</numerusform>
            <numerusform>من بين %Ln يومًا سُجّل فيها مزاج، كان أعلى متوسط يوم %1 (%2) وأدناه يوم %3 (%4).</numerusform>
            <numerusform>من بين %Ln يوم سُجّل فيها مزاج، كان أعلى متوسط يوم %1 (%2) وأدناه يوم %3 (%4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A mood was recorded on %Ln days of %1.</source>
        <translation>
            <numerusform>لم يُسجَّل مزاج في أي يوم من سنة %1.</numerusform>
            <numerusform>سُجّل مزاج في يوم واحد من سنة %1.</numerusform>
            <numerusform>سُجّل مزاج في يومين من سنة %1.</numerusform>
            <numerusform>سُجّل مزاج في %Ln أيام من سنة %1.</numerusform>
            <numerusform>سُجّل مزاج في %Ln يومًا من سنة %1.</numerusform>
            <numerusform>سُجّل مزاج في %Ln يوم من سنة %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A mood was recorded on %Ln days of %1; the most frequent was %2 (%3 of them).</source>
        <translation>
            <numerusform>سُجّل مزاج في %Ln يوم من سنة %1، وكان %2 الأكثر تكرارًا (%3 منها).</numerusform>
            <numerusform>سُجّل مزاج في يوم واحد من سنة %1، وكان %2 الأكثر تكرارًا (%3 منها).</numerusform>
            <numerusform>سُجّل مزاج في يومين من سنة %1، وكان %2 الأكثر تكرارًا (%3 منها).</numerusform>
            <numerusform>سُجّل مزاج في %Ln أيام من سنة %1، وكان %2 الأكثر تكرارًا (%3 منها).</numerusform>
            <numerusform>سُجّل مزاج في %Ln يومًا من سنة %1، وكان %2 الأكثر تكرارًا (%3 منها).</numerusform>
            <numerusform>سُجّل مزاج في %Ln يوم من سنة %1، وكان %2 الأكثر تكرارًا (%3 منها).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %Ln items compared goes with a clear difference in mood.</source>
        <translation>
            <numerusform>لم يظهر فرق واضح في المزاج، فلا عناصر قورنت بعد.</numerusform>
            <numerusform>لم يظهر فرق واضح في المزاج مع العنصر الوحيد الذي قورن.</numerusform>
            <numerusform>لم يظهر فرق واضح في المزاج مع أيٍّ من العنصرين اللذين قورنا.</numerusform>
            <numerusform>لم يظهر فرق واضح في المزاج مع أيٍّ من %Ln عناصر قورنت.</numerusform>
            <numerusform>لم يظهر فرق واضح في المزاج مع أيٍّ من %Ln عنصرًا قورنت.</numerusform>
            <numerusform>لم يظهر فرق واضح في المزاج مع أيٍّ من %Ln عنصر قورنت.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was higher on days tagged %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>كان مزاجك أعلى في الأيام الموسومة بـ%1: %2 في %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام الموسومة بـ%1: %2 في يوم واحد، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام الموسومة بـ%1: %2 في يومين، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام الموسومة بـ%1: %2 على مدى %Ln أيام، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام الموسومة بـ%1: %2 على مدى %Ln يومًا، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام الموسومة بـ%1: %2 على مدى %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was lower on days tagged %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>كان مزاجك أدنى في الأيام الموسومة بـ%1: %2 في %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام الموسومة بـ%1: %2 في يوم واحد، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام الموسومة بـ%1: %2 في يومين، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام الموسومة بـ%1: %2 على مدى %Ln أيام، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام الموسومة بـ%1: %2 على مدى %Ln يومًا، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام الموسومة بـ%1: %2 على مدى %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was higher on days you noted %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>كان مزاجك أعلى في الأيام التي ذُكر فيها %1: %2 في %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام التي ذُكر فيها %1: %2 في يوم واحد، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام التي ذُكر فيها %1: %2 في يومين، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام التي ذُكر فيها %1: %2 على مدى %Ln أيام، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام التي ذُكر فيها %1: %2 على مدى %Ln يومًا، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أعلى في الأيام التي ذُكر فيها %1: %2 على مدى %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your mood was lower on days you noted %1: %2 over %Ln days, against %3 on the other %4.</source>
        <translation>
            <numerusform>كان مزاجك أدنى في الأيام التي ذُكر فيها %1: %2 في %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام التي ذُكر فيها %1: %2 في يوم واحد، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام التي ذُكر فيها %1: %2 في يومين، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام التي ذُكر فيها %1: %2 على مدى %Ln أيام، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام التي ذُكر فيها %1: %2 على مدى %Ln يومًا، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
            <numerusform>كان مزاجك أدنى في الأيام التي ذُكر فيها %1: %2 على مدى %Ln يوم، مقابل %3 في بقية الأيام (وعددها %4).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was the technique used most often: %Ln times in this range.</source>
        <translation>
            <numerusform>التقنية الأكثر استخدامًا هي %1: %Ln مرة في هذه المدة.</numerusform>
            <numerusform>التقنية الأكثر استخدامًا هي %1: مرة واحدة في هذه المدة.</numerusform>
            <numerusform>التقنية الأكثر استخدامًا هي %1: مرتين في هذه المدة.</numerusform>
            <numerusform>التقنية الأكثر استخدامًا هي %1: %Ln مرات في هذه المدة.</numerusform>
            <numerusform>التقنية الأكثر استخدامًا هي %1: %Ln مرةً في هذه المدة.</numerusform>
            <numerusform>التقنية الأكثر استخدامًا هي %1: %Ln مرة في هذه المدة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The largest average drop in distress came with %1: %2 over %Ln rated uses.</source>
        <translation>
            <numerusform>أكبر متوسط لانخفاض الضيق كان مع %1: %2 في %Ln استخدام مُقيَّم.</numerusform>
            <numerusform>أكبر متوسط لانخفاض الضيق كان مع %1: %2 في استخدام واحد مُقيَّم.</numerusform>
            <numerusform>أكبر متوسط لانخفاض الضيق كان مع %1: %2 في استخدامين مُقيَّمين.</numerusform>
            <numerusform>أكبر متوسط لانخفاض الضيق كان مع %1: %2 على مدى %Ln استخدامات مُقيَّمة.</numerusform>
            <numerusform>أكبر متوسط لانخفاض الضيق كان مع %1: %2 على مدى %Ln استخدامًا مُقيَّمًا.</numerusform>
            <numerusform>أكبر متوسط لانخفاض الضيق كان مع %1: %2 على مدى %Ln استخدام مُقيَّم.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This range has a mood on %Ln days; patterns need %1. Earlier days are under «All time».</source>
        <translation>
            <numerusform>لا مزاج مسجّل في هذه المدة، والأنماط تحتاج إلى %1 أيام. الأيام الأقدم في «كل الفترات».</numerusform>
            <numerusform>في هذه المدة مزاج مسجّل في يوم واحد، والأنماط تحتاج إلى %1 أيام. الأيام الأقدم في «كل الفترات».</numerusform>
            <numerusform>في هذه المدة مزاج مسجّل في يومين، والأنماط تحتاج إلى %1 أيام. الأيام الأقدم في «كل الفترات».</numerusform>
            <numerusform>في هذه المدة مزاج مسجّل في %Ln أيام، والأنماط تحتاج إلى %1 أيام. الأيام الأقدم في «كل الفترات».</numerusform>
            <numerusform>في هذه المدة مزاج مسجّل في %Ln يومًا، والأنماط تحتاج إلى %1 أيام. الأيام الأقدم في «كل الفترات».</numerusform>
            <numerusform>في هذه المدة مزاج مسجّل في %Ln يوم، والأنماط تحتاج إلى %1 أيام. الأيام الأقدم في «كل الفترات».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add a mood on %1 days to see patterns — %Ln days have one so far.</source>
        <translation>
            <numerusform>تظهر الأنماط بعد تسجيل المزاج في %1 أيام، ولم يُسجَّل في أي يوم بعد.</numerusform>
            <numerusform>تظهر الأنماط بعد تسجيل المزاج في %1 أيام، وهو مسجّل حتى الآن في يوم واحد.</numerusform>
            <numerusform>تظهر الأنماط بعد تسجيل المزاج في %1 أيام، وهو مسجّل حتى الآن في يومين.</numerusform>
            <numerusform>تظهر الأنماط بعد تسجيل المزاج في %1 أيام، وهو مسجّل حتى الآن في %Ln أيام.</numerusform>
            <numerusform>تظهر الأنماط بعد تسجيل المزاج في %1 أيام، وهو مسجّل حتى الآن في %Ln يومًا.</numerusform>
            <numerusform>تظهر الأنماط بعد تسجيل المزاج في %1 أيام، وهو مسجّل حتى الآن في %Ln يوم.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Write on %1 days to see patterns — you have written on %Ln days so far.</source>
        <translation>
            <numerusform>تظهر الأنماط بعد الكتابة في %1 أيام، ولا كتابة بعد.</numerusform>
            <numerusform>تظهر الأنماط بعد الكتابة في %1 أيام، وقد كتبت حتى الآن في يوم واحد.</numerusform>
            <numerusform>تظهر الأنماط بعد الكتابة في %1 أيام، وقد كتبت حتى الآن في يومين.</numerusform>
            <numerusform>تظهر الأنماط بعد الكتابة في %1 أيام، وقد كتبت حتى الآن في %Ln أيام.</numerusform>
            <numerusform>تظهر الأنماط بعد الكتابة في %1 أيام، وقد كتبت حتى الآن في %Ln يومًا.</numerusform>
            <numerusform>تظهر الأنماط بعد الكتابة في %1 أيام، وقد كتبت حتى الآن في %Ln يوم.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Each day of %1 coloured by its mean mood. Days with a mood: %2.</source>
        <translation>كل يوم من سنة %1 ملوّن بمتوسط مزاجه. عدد الأيام التي سُجّل فيها مزاج: %2.</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>وسم</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>شعور</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Mean mood for each period, with a dashed moving average. Latest: %1, mean %2.</source>
        <translation>متوسط المزاج لكل فترة، مع خط متقطع للمتوسط المتحرك. آخر فترة: %1، بمتوسط %2.</translation>
    </message>
    <message>
        <source>No mood recorded in this range.</source>
        <translation>لم يُسجَّل أي مزاج في هذه المدة.</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>تصدير المخطط بصيغة PNG</translation>
    </message>
    <message>
        <source>chart.png</source>
        <translation>مخطط.png</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <source>The image could not be saved.</source>
        <translation>تعذّر حفظ الصورة.</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;التجميع حسب:</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>أسبوع</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>ال&amp;مدة:</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>آخر 3 أشهر</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>آخر سنة</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>كل الفترات</translation>
    </message>
    <message>
        <source>Working out your insights…</source>
        <translation>جارٍ حساب الإحصاءات…</translation>
    </message>
    <message>
        <source>Working out your insights</source>
        <translation>جارٍ حساب الإحصاءات</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>ال&amp;سنة:</translation>
    </message>
    <message>
        <source>Not enough to show yet. Insights appear once you have recorded your mood on a few days in this range. Everything is worked out on this computer and never leaves it.</source>
        <translation>لا يوجد ما يكفي للعرض بعد. تظهر الإحصاءات عندما تسجّل مزاجك في بضعة أيام ضمن هذه المدة. تُحسب كلها على هذا الحاسوب ولا تغادره أبدًا.</translation>
    </message>
    <message>
        <source>Show all time</source>
        <translation>عرض كل الفترات</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>تسجيل المزاج</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 (%3) · %Ln entries</source>
        <translation>
            <numerusform>%1 · %2 (%3) · لا تدوينات</numerusform>
            <numerusform>%1 · %2 (%3) · تدوينة واحدة</numerusform>
            <numerusform>%1 · %2 (%3) · تدوينتان</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln تدوينات</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln تدوينةً</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln تدوينة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 (%3) · %Ln days</source>
        <translation>
            <numerusform>%1 · %2 (%3) · لا أيام</numerusform>
            <numerusform>%1 · %2 (%3) · يوم واحد</numerusform>
            <numerusform>%1 · %2 (%3) · يومان</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln أيام</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln يومًا</numerusform>
            <numerusform>%1 · %2 (%3) · %Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · from %Ln ratings</source>
        <translation>
            <numerusform>%1 · %2 · بلا تقييمات</numerusform>
            <numerusform>%1 · %2 · من تقييم واحد</numerusform>
            <numerusform>%1 · %2 · من تقييمين</numerusform>
            <numerusform>%1 · %2 · من %Ln تقييمات</numerusform>
            <numerusform>%1 · %2 · من %Ln تقييمًا</numerusform>
            <numerusform>%1 · %2 · من %Ln تقييم</numerusform>
        </translation>
    </message>
    <message>
        <source>Mood over time</source>
        <translation>المزاج عبر الزمن</translation>
    </message>
    <message>
        <source>Mood by weekday</source>
        <translation>المزاج حسب أيام الأسبوع</translation>
    </message>
    <message>
        <source>Year in pixels</source>
        <translation>السنة بالمربعات</translation>
    </message>
    <message>
        <source>Drop in distress by technique</source>
        <translation>انخفاض الضيق حسب التقنية</translation>
    </message>
    <message>
        <source>What goes with better and worse days</source>
        <translation>ما يرافق الأيام الأفضل والأسوأ</translation>
    </message>
    <message>
        <source>What helps</source>
        <translation>ما الذي يساعد</translation>
    </message>
    <message>
        <source>Everything is worked out on this computer and never leaves it.</source>
        <translation>تُحسب كلها على هذا الحاسوب ولا تغادره أبدًا.</translation>
    </message>
    <message>
        <source>Mean daily mood on days with each tag or emotion and on days without it. Shown when each side has at least 3 days. This shows what goes together, not what causes what.</source>
        <translation>متوسط المزاج اليومي في الأيام التي ظهر فيها كل وسم أو شعور وفي الأيام التي غاب عنها. يُعرض العنصر عندما يكون لكل جانب 3 أيام على الأقل. هذا يبيّن ما يترافق معًا، لا ما يسبّب ماذا.</translation>
    </message>
    <message>
        <source>Distress drop is the rating before minus the rating after, where you gave both.</source>
        <translation>انخفاض الضيق هو التقييم قبل التقنية ناقص التقييم بعدها، حيثما سجّلت الاثنين.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>العنصر</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Mean mood with</source>
        <translation>متوسط المزاج بوجوده</translation>
    </message>
    <message>
        <source>Mean mood without</source>
        <translation>متوسط المزاج بدونه</translation>
    </message>
    <message>
        <source>Days with</source>
        <translation>أيام بوجوده</translation>
    </message>
    <message>
        <source>Days without</source>
        <translation>أيام بدونه</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>التقنية</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>مرات الاستخدام</translation>
    </message>
    <message>
        <source>Mean drop in distress</source>
        <translation>متوسط انخفاض الضيق</translation>
    </message>
    <message>
        <source>Helpfulness</source>
        <translation>مدى الفائدة</translation>
    </message>
    <message>
        <source>Mean mood</source>
        <translation>متوسط المزاج</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>المتوسط المتحرك</translation>
    </message>
    <message>
        <source>No entry</source>
        <translation>لا تدوين</translation>
    </message>
    <message>
        <source>Mood over time chart</source>
        <translation>مخطط المزاج عبر الزمن</translation>
    </message>
    <message>
        <source>Mood by weekday chart</source>
        <translation>مخطط المزاج حسب أيام الأسبوع</translation>
    </message>
    <message>
        <source>Year in pixels chart</source>
        <translation>مخطط السنة بالمربعات</translation>
    </message>
    <message>
        <source>Drop in distress by technique chart</source>
        <translation>مخطط انخفاض الضيق حسب التقنية</translation>
    </message>
    <message>
        <source>No data in this range yet.</source>
        <translation>لا توجد بيانات في هذه المدة بعد.</translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation>تصدير المخطط بصيغة PNG…</translation>
    </message>
    <message>
        <source>Export %1 as PNG</source>
        <translation>تصدير %1 بصيغة PNG</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>التجميع حسب</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>المدة</translation>
    </message>
</context>
<context>
    <name>InviteAdminPanel</name>
    <message>
        <source>Anyone who has this invite can ask to join. An admin lets each one in before they can read anything. Share it only with people you trust, face to face or over a private channel.</source>
        <translation>كل من لديه هذه الدعوة يستطيع أن يطلب الانضمام، ولا يقرأ شيئًا قبل أن يقبله أحد المشرفين. شاركها فقط مع من تثق بهم، وجهًا لوجه أو عبر قناة خاصة.</translation>
    </message>
    <message>
        <source>New invite &amp;expires:</source>
        <translation>تنتهي صلاحية الدعوة ال&amp;جديدة:</translation>
    </message>
    <message>
        <source>Make a &amp;new invite…</source>
        <translation>إنشاء دعوة &amp;جديدة…</translation>
    </message>
    <message>
        <source>A new invite replaces this one: whoever has the old one can no longer join with it. Members stay in the group and notice nothing.</source>
        <translation>الدعوة الجديدة تحلّ محلّ هذه: من لديه الدعوة القديمة لن يستطيع الانضمام بها. يبقى الأعضاء في المجموعة ولا يتغيّر لهم شيء.</translation>
    </message>
    <message>
        <source>Make a new invite</source>
        <translation>إنشاء دعوة جديدة</translation>
    </message>
    <message>
        <source>The current invite to “%1” stops working. Anyone who has it but has not joined yet needs the new one. Members stay in the group.</source>
        <translation>ستتوقف الدعوة الحالية إلى «%1» عن العمل، ومن لديه هذه الدعوة ولم ينضم بعد سيحتاج إلى الجديدة. يبقى الأعضاء في المجموعة.</translation>
    </message>
    <message>
        <source>Make a &amp;new invite</source>
        <translation>إنشاء دعوة &amp;جديدة</translation>
    </message>
    <message>
        <source>This invite works until %1.</source>
        <translation>تعمل هذه الدعوة حتى %1.</translation>
    </message>
    <message>
        <source>This invite does not expire.</source>
        <translation>لا تنتهي صلاحية هذه الدعوة.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite to “%1”</source>
        <translation>دعوة إلى «%1»</translation>
    </message>
    <message>
        <source>Anyone who has this invite can read and post in the group. Share it only with people you trust, face to face or over a private channel.</source>
        <translation>كل من لديه هذه الدعوة يستطيع القراءة والنشر في المجموعة. شاركها فقط مع من تثق بهم، وجهًا لوجه أو عبر قناة خاصة.</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>رمز الدعوة</translation>
    </message>
    <message>
        <source>Invite as a QR code</source>
        <translation>الدعوة كرمز QR</translation>
    </message>
    <message>
        <source>&amp;Copy invite</source>
        <translation>ا&amp;نسخ الدعوة</translation>
    </message>
    <message>
        <source>&amp;Save QR as PNG…</source>
        <translation>&amp;حفظ رمز QR كصورة PNG…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Save the invite as an image?</source>
        <translation>أتحفظ الدعوة كصورة؟</translation>
    </message>
    <message>
        <source>The image is not encrypted: anyone who finds the file can join the group and read every post. Delete it once you have shared it.</source>
        <translation>الصورة غير مشفّرة: كل من يجد الملف يستطيع الانضمام إلى المجموعة وقراءة كل المنشورات. احذفها بعد مشاركتها.</translation>
    </message>
    <message>
        <source>Save QR as PNG</source>
        <translation>حفظ رمز QR كصورة PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
        <source>The image could not be saved there.</source>
        <translation>تعذّر حفظ الصورة في ذلك المكان.</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Press Enter to edit, Delete to remove, Alt+Up or Alt+Down to move.</source>
        <translation>اضغط Enter للتعديل، وDelete للحذف، وAlt مع السهم للأعلى أو للأسفل للنقل.</translation>
    </message>
    <message>
        <source>Edit item of: %1</source>
        <translation>تعديل بند من: %1</translation>
    </message>
    <message>
        <source>Remove: %1</source>
        <translation>حذف: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>JoinGroupDialog</name>
    <message>
        <source>Join a group</source>
        <translation>الانضمام إلى مجموعة</translation>
    </message>
    <message>
        <source>&amp;Invite:</source>
        <translation>ال&amp;دعوة:</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>رمز الدعوة</translation>
    </message>
    <message>
        <source>Paste the invite code you were given (it starts with PEERAPP)</source>
        <translation>رمز الدعوة الذي وصلك (يبدأ بـ PEERAPP)</translation>
    </message>
    <message>
        <source>Your &amp;pseudonym:</source>
        <translation>ا&amp;سمك المستعار:</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>ا&amp;نضمام</translation>
    </message>
    <message>
        <source>Others in the group see only your pseudonym. Choose one that does not identify you.</source>
        <translation>لا يرى الآخرون في المجموعة إلا اسمك المستعار، والأفضل اسم لا يدلّ عليك.</translation>
    </message>
    <message>
        <source>Group “%1” on %2. An admin lets each new member in.</source>
        <translation>مجموعة «%1» على %2. يقبل أحد المشرفين كل عضو جديد.</translation>
    </message>
    <message>
        <source>Group “%1” on %2</source>
        <translation>مجموعة «%1» على %2</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Search your journal…</source>
        <translation>ابحث في يومياتك…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>فقط من</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>إلى تاريخ</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>تدوينة &amp;جديدة</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>المهملات</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تعديل</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>ا&amp;سترجاع</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>إفراغ المهملات…</translation>
    </message>
    <message>
        <source>Journal entries, newest first</source>
        <translation>التدوينات، الأحدث أولًا</translation>
    </message>
    <message>
        <source>You have an entry you did not finish.</source>
        <translation>لديك تدوينة لم تُكملها.</translation>
    </message>
    <message>
        <source>Continue writing</source>
        <translation>متابعة الكتابة</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>تجاهلها</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Any mood</source>
        <translation>أي مزاج</translation>
    </message>
    <message>
        <source>Any emotion</source>
        <translation>أي شعور</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>Filter by mood</source>
        <translation>تصفية حسب المزاج</translation>
    </message>
    <message>
        <source>Filter by emotion</source>
        <translation>تصفية حسب الشعور</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>تصفية حسب الوسم</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries in the trash</source>
        <translation>
            <numerusform>لا توجد تدوينات في المهملات</numerusform>
            <numerusform>تدوينة واحدة في المهملات</numerusform>
            <numerusform>تدوينتان في المهملات</numerusform>
            <numerusform>%Ln تدوينات في المهملات</numerusform>
            <numerusform>%Ln تدوينة في المهملات</numerusform>
            <numerusform>%Ln تدوينة في المهملات</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>لا توجد تدوينات</numerusform>
            <numerusform>تدوينة واحدة</numerusform>
            <numerusform>تدوينتان</numerusform>
            <numerusform>%Ln تدوينات</numerusform>
            <numerusform>%Ln تدوينة</numerusform>
            <numerusform>%Ln تدوينة</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry saved</source>
        <translation>حُفظت التدوينة</translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln entries for good? This cannot be undone.</source>
        <translation>
            <numerusform>لا توجد تدوينات لمحوها.</numerusform>
            <numerusform>هل تريد محو تدوينة واحدة نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>هل تريد محو تدوينتين نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>هل تريد محو %Ln تدوينات نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>هل تريد محو %Ln تدوينة نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>هل تريد محو %Ln تدوينة نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استرجاع</translation>
    </message>
    <message>
        <source>From a te&amp;mplate…</source>
        <translation>من &amp;قالب…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>إفراغ المهملات</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Coping</source>
        <translation>التأقلم</translation>
    </message>
    <message>
        <source>Belonging</source>
        <translation>الانتماء</translation>
    </message>
    <message>
        <source>Resilience</source>
        <translation>الصمود</translation>
    </message>
    <message>
        <source>Practical life</source>
        <translation>شؤون الحياة</translation>
    </message>
    <message>
        <source>Professional help</source>
        <translation>المساعدة المتخصصة</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>الأمان</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>الأزمات</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>اقرأ بالعربية</source>
        <translation>اقرأ بالعربية</translation>
    </message>
    <message>
        <source>Read in English</source>
        <translation>Read in English</translation>
    </message>
    <message>
        <source>Search the library…</source>
        <translation>ابحث في المكتبة…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>البحث في المكتبة</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقالة</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>حفظ في المفضلة</translation>
    </message>
    <message>
        <source>I tried this…</source>
        <translation>جربت هذا…</translation>
    </message>
    <message>
        <source>Try it now</source>
        <translation>التجربة الآن</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>المفضلة</translation>
    </message>
    <message>
        <source>No bookmarks yet. Open an article and press Bookmark.</source>
        <translation>لا توجد مقالات في المفضلة بعد. لإضافة مقالة، يكفي فتحها والضغط على «حفظ في المفضلة».</translation>
    </message>
    <message>
        <source>Nothing matches. Try fewer or different words.</source>
        <translation>لا توجد نتائج. قد تفيد كلمات أقل أو مختلفة.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n دقيقة للقراءة</numerusform>
            <numerusform>دقيقة واحدة للقراءة</numerusform>
            <numerusform>دقيقتان للقراءة</numerusform>
            <numerusform>%n دقائق للقراءة</numerusform>
            <numerusform>%n دقيقة للقراءة</numerusform>
            <numerusform>%n دقيقة للقراءة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocaleFormat</name>
    <message>
        <source>%1 (%2)</source>
        <comment>a date, then the same day in the Hijri calendar</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 %3 AH</source>
        <comment>day, month name and year of a Hijri date</comment>
        <translation>%1 %2 %3 هـ</translation>
    </message>
</context>
<context>
    <name>LookBackCard</name>
    <message>
        <source>All of %1</source>
        <translation>كل عام %1</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>هذا العام</numerusform>
            <numerusform>قبل عام</numerusform>
            <numerusform>قبل عامين</numerusform>
            <numerusform>قبل %n أعوام</numerusform>
            <numerusform>قبل %n عامًا</numerusform>
            <numerusform>قبل %n عام</numerusform>
        </translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(بلا نص)</translation>
    </message>
    <message>
        <source>Nothing was written on this date in earlier years.</source>
        <translation>لم تكتب شيئًا في هذا التاريخ في الأعوام السابقة.</translation>
    </message>
    <message>
        <source>“On this day” is turned off.</source>
        <translation>«في مثل هذا اليوم» متوقّف.</translation>
    </message>
    <message>
        <source>Nothing to sum up yet.</source>
        <translation>لا شيء يُلخَّص بعد.</translation>
    </message>
    <message>
        <source>Nothing was written in this period.</source>
        <translation>لم تكتب شيئًا في هذه الفترة.</translation>
    </message>
    <message numerus="yes">
        <source>Mood %1: %n entries</source>
        <translation>
            <numerusform>المزاج %1: لا تدوينات</numerusform>
            <numerusform>المزاج %1: تدوينة واحدة</numerusform>
            <numerusform>المزاج %1: تدوينتان</numerusform>
            <numerusform>المزاج %1: %n تدوينات</numerusform>
            <numerusform>المزاج %1: %n تدوينة</numerusform>
            <numerusform>المزاج %1: %n تدوينة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>لا تدوينات</numerusform>
            <numerusform>تدوينة واحدة</numerusform>
            <numerusform>تدوينتان</numerusform>
            <numerusform>%n تدوينات</numerusform>
            <numerusform>%n تدوينة</numerusform>
            <numerusform>%n تدوينة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days with an entry</source>
        <translation>
            <numerusform>لا أيام فيها تدوينة</numerusform>
            <numerusform>يوم واحد فيه تدوينة</numerusform>
            <numerusform>يومان فيهما تدوينات</numerusform>
            <numerusform>%n أيام فيها تدوينات</numerusform>
            <numerusform>%n يومًا فيها تدوينات</numerusform>
            <numerusform>%n يوم فيها تدوينات</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Average mood %1 of 5, from %n day(s) with a mood.</source>
        <translation>
            <numerusform>متوسط المزاج %1 من 5، من غير أيام سُجّل فيها مزاج.</numerusform>
            <numerusform>متوسط المزاج %1 من 5، من يوم واحد سُجّل فيه مزاج.</numerusform>
            <numerusform>متوسط المزاج %1 من 5، من يومين سُجّل فيهما مزاج.</numerusform>
            <numerusform>متوسط المزاج %1 من 5، من %n أيام سُجّل فيها مزاج.</numerusform>
            <numerusform>متوسط المزاج %1 من 5، من %n يومًا سُجّل فيها مزاج.</numerusform>
            <numerusform>متوسط المزاج %1 من 5، من %n يوم سُجّل فيها مزاج.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Helped: %1, rated %2 of 5 on %n use(s).</source>
        <translation>
            <numerusform>ساعد: %1، بتقييم %2 من 5 في غير مرة.</numerusform>
            <numerusform>ساعد: %1، بتقييم %2 من 5 في مرة واحدة.</numerusform>
            <numerusform>ساعد: %1، بتقييم %2 من 5 في مرتين.</numerusform>
            <numerusform>ساعد: %1، بتقييم %2 من 5 في %n مرات.</numerusform>
            <numerusform>ساعد: %1، بتقييم %2 من 5 في %n مرة.</numerusform>
            <numerusform>ساعد: %1، بتقييم %2 من 5 في %n مرة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tried: %1, %n time(s), not rated.</source>
        <translation>
            <numerusform>جرّبت: %1، ولا مرة، بلا تقييم.</numerusform>
            <numerusform>جرّبت: %1، مرة واحدة، بلا تقييم.</numerusform>
            <numerusform>جرّبت: %1، مرتين، بلا تقييم.</numerusform>
            <numerusform>جرّبت: %1، %n مرات، بلا تقييم.</numerusform>
            <numerusform>جرّبت: %1، %n مرة، بلا تقييم.</numerusform>
            <numerusform>جرّبت: %1، %n مرة، بلا تقييم.</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Words that came back (entries with each): %1</source>
        <translation>كلمات تكرّرت (وعدد التدوينات التي فيها كلٌّ منها): %1</translation>
    </message>
    <message>
        <source>Look back</source>
        <translation>نظرة إلى الوراء</translation>
    </message>
    <message>
        <source>On this day</source>
        <translation>في مثل هذا اليوم</translation>
    </message>
    <message>
        <source>Show “On this day”</source>
        <translation>أظهر «في مثل هذا اليوم»</translation>
    </message>
    <message>
        <source>Summary of:</source>
        <translation>ملخّص:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Journal</source>
        <translation>ال&amp;يوميات</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>تدوينة &amp;جديدة</translation>
    </message>
    <message>
        <source>New entry from te&amp;mplate…</source>
        <translation>تدوينة جديدة من &amp;قالب…</translation>
    </message>
    <message>
        <source>Mana&amp;ge templates…</source>
        <translation>إ&amp;دارة القوالب…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;بحث</translation>
    </message>
    <message>
        <source>Show &amp;trash</source>
        <translation>عرض ال&amp;مهملات</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;قفل</translation>
    </message>
    <message>
        <source>Quick e&amp;xit (hide and lock)</source>
        <translation>&amp;خروج سريع (إخفاء وقفل)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>Report for a &amp;therapist…</source>
        <translation>تقرير لل&amp;معالج…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>نسخة ا&amp;حتياطية الآن…</translation>
    </message>
    <message>
        <source>Restore from a bac&amp;kup…</source>
        <translation>ا&amp;ستعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <source>&amp;Automatic backups…</source>
        <translation>النسخ الاحتياطي ال&amp;تلقائي…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>ال&amp;مكتبة</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>اليوميات</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>رؤى</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>خطة الأمان</translation>
    </message>
    <message>
        <source>&amp;Insights</source>
        <translation>ال&amp;رؤى</translation>
    </message>
    <message>
        <source>&amp;Safety plan</source>
        <translation>خطة ال&amp;أمان</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>الم&amp;جموعات</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>I need &amp;help now</source>
        <translation>أحتاج إلى ال&amp;مساعدة الآن</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;Breathing pacer</source>
        <translation>مُنظِّم ال&amp;تنفس</translation>
    </message>
    <message>
        <source>&amp;Grounding 5-4-3-2-1</source>
        <translation>التثبيت بال&amp;حواس 5-4-3-2-1</translation>
    </message>
    <message>
        <source>&amp;Thought record</source>
        <translation>&amp;سجل الأفكار</translation>
    </message>
    <message>
        <source>&amp;Muscle relaxation</source>
        <translation>استرخاء ال&amp;عضلات</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;تسجيل المزاج</translation>
    </message>
    <message>
        <source>How are you right now? A mood and feelings in two clicks</source>
        <translation>كيف حالك الآن؟ المزاج والمشاعر بنقرتين</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>شريط الأدوات</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>تغيير عبارة ال&amp;مرور…</translation>
    </message>
    <message>
        <source>New &amp;recovery key…</source>
        <translation>مفتاح ا&amp;سترداد جديد…</translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;About peerapp</source>
        <translation>&amp;عن peerapp</translation>
    </message>
    <message>
        <source>Making your automatic backup…</source>
        <translation>جارٍ إنشاء النسخة الاحتياطية التلقائية…</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>النسخ الاحتياطي التلقائي</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>الصفحات</translation>
    </message>
    <message>
        <source>Journal locked</source>
        <translation>أُقفلت اليوميات</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>تغيّرت عبارة المرور</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one from now on.</source>
        <translation>تغيّرت عبارة المرور. العبارة الجديدة هي المعتمدة من الآن فصاعدًا.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>مفتاح استرداد جديد</translation>
    </message>
    <message>
        <source>Make a new recovery key? Any recovery key you saved before stops working.</source>
        <translation>هل تريد إنشاء مفتاح استرداد جديد؟ سيتوقف أي مفتاح استرداد حفظته من قبل عن العمل.</translation>
    </message>
    <message>
        <source>&amp;Make a new key</source>
        <translation>&amp;إنشاء مفتاح جديد</translation>
    </message>
    <message>
        <source>About peerapp</source>
        <translation>عن peerapp</translation>
    </message>
    <message>
        <source>peerapp %1

A private mood and coping journal. Everything you write is encrypted on this computer and never leaves it unless you choose to.</source>
        <translation>peerapp %1

يوميات خاصة للمزاج والتأقلم. كل ما تكتبه يُشفَّر على هذا الحاسوب ولا يغادره إلا إذا اخترت ذلك.</translation>
    </message>
</context>
<context>
    <name>MemberRow</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (أنت)</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>عضو</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>بانتظار القبول</translation>
    </message>
    <message>
        <source>Safety code:</source>
        <translation>رمز الأمان:</translation>
    </message>
    <message>
        <source>Safety code of %1: %2</source>
        <translation>رمز أمان %1: %2</translation>
    </message>
    <message>
        <source>Let in…</source>
        <translation>قبول…</translation>
    </message>
    <message>
        <source>Let %1 in</source>
        <translation>قبول %1</translation>
    </message>
    <message>
        <source>Remove admin role…</source>
        <translation>سحب صفة المشرف…</translation>
    </message>
    <message>
        <source>Take the admin role from %1</source>
        <translation>سحب صفة المشرف من %1</translation>
    </message>
    <message>
        <source>Make admin…</source>
        <translation>منح صفة المشرف…</translation>
    </message>
    <message>
        <source>Make %1 an admin</source>
        <translation>منح %1 صفة المشرف</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <source>Remove %1 from the group</source>
        <translation>إزالة %1 من المجموعة</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Members of “%1”</source>
        <translation>أعضاء «%1»</translation>
    </message>
    <message>
        <source>Each member has a safety code in this group. To be sure someone is who they say, ask them to read you the code their app shows for themselves, face to face or over another app you both trust, and compare it with the one here. If the codes match, nobody is posing as them. If they differ, share nothing personal and tell an admin.</source>
        <translation>لكل عضو في هذه المجموعة رمز أمان. للتأكد من أن شخصًا ما هو فعلًا مَن يقول إنه هو، يمكن أن يقرأ لك الرمز الذي يعرضه تطبيقه له، وجهًا لوجه أو عبر تطبيق آخر تثقان به، ثم تقارنه بالرمز الظاهر هنا. تطابق الرمزين يعني أن لا أحد ينتحل شخصيته. وإن اختلفا، فالأسلم ألّا تشارك شيئًا شخصيًا وأن تُخبر أحد المشرفين.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>Remove %1 from “%2”? %1 will no longer read new posts, and the group gets new keys. Posts %1 already has stay on their device.</source>
        <translation>إزالة %1 من «%2»؟ لن تصل المنشورات الجديدة إلى %1 بعد الآن، وستحصل المجموعة على مفاتيح جديدة. أما ما وصل من قبل فيبقى على جهاز %1.</translation>
    </message>
    <message>
        <source>Remove a member</source>
        <translation>إزالة عضو</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>إ&amp;زالة</translation>
    </message>
    <message>
        <source>Remove admin role</source>
        <translation>سحب صفة المشرف</translation>
    </message>
    <message>
        <source>Remove admin &amp;role</source>
        <translation>&amp;سحب صفة المشرف</translation>
    </message>
    <message>
        <source>Take the admin role from %1? %1 stays in the group as a member.</source>
        <translation>سحب صفة المشرف من %1؟ تبقى عضوية %1 في المجموعة كما هي.</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>منح صفة المشرف</translation>
    </message>
    <message>
        <source>Make &amp;admin</source>
        <translation>&amp;منح صفة المشرف</translation>
    </message>
    <message>
        <source>Make %1 an admin? Admins can remove members, let new ones in, reset the invite and edit the rules.</source>
        <translation>منح %1 صفة المشرف؟ يستطيع المشرفون إزالة الأعضاء، وقبول الأعضاء الجدد، وتجديد الدعوة، وتعديل القواعد.</translation>
    </message>
    <message>
        <source>Let %1 into “%2”? From now on %1 can read the group's posts and write. If you can, compare safety codes first.</source>
        <translation>قبول %1 في «%2»؟ من الآن فصاعدًا يمكن لـ%1 قراءة منشورات المجموعة والكتابة فيها. وإن أمكن، فالأفضل مقارنة رموز الأمان أولًا.</translation>
    </message>
    <message>
        <source>Let a member in</source>
        <translation>قبول عضو</translation>
    </message>
    <message>
        <source>&amp;Let in</source>
        <translation>&amp;السماح بالدخول</translation>
    </message>
</context>
<context>
    <name>MoodMapDialog</name>
    <message>
        <source>Mood labels</source>
        <translation>تسميات المزاج</translation>
    </message>
    <message>
        <source>This file uses mood labels peerapp does not know. Choose a mood for each: 1 is very bad, 5 is very good.</source>
        <translation>يستخدم هذا الملف تسميات مزاج لا يعرفها peerapp. يُرجى اختيار درجة لكل منها: 1 سيئ جدًا، و5 جيد جدًا.</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>مجموعة جديدة</translation>
    </message>
    <message>
        <source>Group &amp;name:</source>
        <translation>ا&amp;سم المجموعة:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>ال&amp;خادم:</translation>
    </message>
    <message>
        <source>Your &amp;pseudonym:</source>
        <translation>ا&amp;سمك المستعار:</translation>
    </message>
    <message>
        <source>https://groups.example.org</source>
        <translation>https://groups.example.org</translation>
    </message>
    <message>
        <source>&amp;Create group</source>
        <translation>إ&amp;نشاء المجموعة</translation>
    </message>
    <message>
        <source>A&amp;dmins approve new members</source>
        <translation>يوافق المشرفون على الأعضاء ال&amp;جدد</translation>
    </message>
    <message>
        <source>The invite then only lets someone ask to join; an admin lets them in.</source>
        <translation>عندها لا تتيح الدعوة إلا طلب الانضمام، ويقبل أحد المشرفين الطلب.</translation>
    </message>
    <message>
        <source>Invite &amp;expires:</source>
        <translation>تنتهي صلاحية ال&amp;دعوة:</translation>
    </message>
    <message>
        <source>The server stores only encrypted posts; it never learns the group's name or who you are. Nothing is sent to it until the group is created.</source>
        <translation>لا يحفظ الخادم إلا منشورات مشفّرة، ولا يعرف أبدًا اسم المجموعة ولا من أنت. لا يُرسل إليه شيء قبل إنشاء المجموعة.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>عبارة ال&amp;مرور:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;أعدها:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>القوة:</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>قوة عبارة المرور</translation>
    </message>
    <message numerus="yes">
        <source>At least %Ln characters; a few unrelated words work well</source>
        <translation>
            <numerusform>لا يقل عن %Ln حرف؛ بضع كلمات لا رابط بينها خيار جيد</numerusform>
            <numerusform>حرف واحد على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform>
            <numerusform>حرفان على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform>
            <numerusform>%Ln أحرف على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform>
            <numerusform>%Ln حرفًا على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform>
            <numerusform>%Ln حرف على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>عبارة المرور قصيرة جدًا.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>OutcomesCard</name>
    <message numerus="yes">
        <source>%1 of 5 · %n check(s)</source>
        <translation>
            <numerusform>%1 من 5 · لا فحوص</numerusform>
            <numerusform>%1 من 5 · فحص واحد</numerusform>
            <numerusform>%1 من 5 · فحصان</numerusform>
            <numerusform>%1 من 5 · %n فحوص</numerusform>
            <numerusform>%1 من 5 · %n فحصًا</numerusform>
            <numerusform>%1 من 5 · %n فحص</numerusform>
        </translation>
    </message>
    <message>
        <source>No check yet</source>
        <translation>لا فحص بعد</translation>
    </message>
    <message>
        <source>A self-check is due. It takes about a minute.</source>
        <translation>حان وقت فحص ذاتي. يستغرق نحو دقيقة.</translation>
    </message>
    <message>
        <source>Short check-ins on how you cope, how connected you feel and how you bounce back. Take one whenever you like; your results stay in your journal.</source>
        <translation>وقفات قصيرة مع نفسك: كيف تتأقلم، وكم تشعر بالقرب من الآخرين، وكيف تستعيد توازنك. خذ واحدة متى شئت، وتبقى نتائجك في يومياتك.</translation>
    </message>
    <message numerus="yes">
        <source>%n self-check(s) so far. Higher means more of each; 3 is the middle.</source>
        <translation>
            <numerusform>لا فحوص ذاتية حتى الآن. الأعلى يعني قدرًا أكبر من كلٍّ منها، و3 هو المنتصف.</numerusform>
            <numerusform>فحص ذاتي واحد حتى الآن. الأعلى يعني قدرًا أكبر من كلٍّ منها، و3 هو المنتصف.</numerusform>
            <numerusform>فحصان ذاتيان حتى الآن. الأعلى يعني قدرًا أكبر من كلٍّ منها، و3 هو المنتصف.</numerusform>
            <numerusform>%n فحوص ذاتية حتى الآن. الأعلى يعني قدرًا أكبر من كلٍّ منها، و3 هو المنتصف.</numerusform>
            <numerusform>%n فحصًا ذاتيًا حتى الآن. الأعلى يعني قدرًا أكبر من كلٍّ منها، و3 هو المنتصف.</numerusform>
            <numerusform>%n فحص ذاتي حتى الآن. الأعلى يعني قدرًا أكبر من كلٍّ منها، و3 هو المنتصف.</numerusform>
        </translation>
    </message>
    <message>
        <source>posting in a group</source>
        <translation>النشر في مجموعة</translation>
    </message>
    <message>
        <source>After periods with %1, your next result changed by %2 on average (%3 times); without it, by %4 (%5 times). This shows what went together, not what caused what.</source>
        <translation>بعد فترات فيها %1، تغيّرت نتيجتك التالية بمقدار %2 في المتوسط (%3 مرات)؛ ومن دونه بمقدار %4 (%5 مرات). هذا يبيّن ما اجتمع معًا، لا ما سبّب ماذا.</translation>
    </message>
    <message>
        <source>Your last two results for “%1” were on the low side. That happens, and it is worth being gentle with yourself. These might help, and your safety plan is here whenever you need it.</source>
        <translation>كانت نتيجتاك الأخيرتان في «%1» منخفضتين. يحدث هذا، ومن المهم أن تترفّق بنفسك. قد تساعدك هذه المقالات، وخطة الأمان هنا متى احتجت إليها.</translation>
    </message>
    <message>
        <source>Open my safety plan</source>
        <translation>افتح خطة الأمان</translation>
    </message>
    <message>
        <source>Coping, belonging and resilience</source>
        <translation>التأقلم والانتماء والمرونة النفسية</translation>
    </message>
    <message>
        <source>Take a self-check</source>
        <translation>إجراء فحص ذاتي</translation>
    </message>
    <message>
        <source>Offer a self-check:</source>
        <translation>اقتراح فحص ذاتي:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>كل أسبوع</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>كل شهر</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Too short</source>
        <translation>قصيرة جدًا</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>ضعيفة</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>قوية</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>قوية جدًا</translation>
    </message>
</context>
<context>
    <name>PostCard</name>
    <message>
        <source>Unverified</source>
        <translation>غير موثّق</translation>
    </message>
    <message>
        <source>No member's key signed this post, so nobody can say who wrote it.</source>
        <translation>لم يوقّع هذا المنشورَ مفتاحُ أي عضو، فلا يمكن معرفة كاتبه.</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>بانتظار الإرسال</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>تم الإرسال</translation>
    </message>
    <message>
        <source>Not sent: the server holds a different post</source>
        <translation>لم يُرسل: لدى الخادم منشور مختلف</translation>
    </message>
    <message>
        <source>Content warning: %1</source>
        <translation>تنبيه على المحتوى: %1</translation>
    </message>
    <message>
        <source>Hide post</source>
        <translation>أخفِ المنشور</translation>
    </message>
    <message>
        <source>Show post</source>
        <translation>عرض المنشور</translation>
    </message>
    <message>
        <source>This post was deleted.</source>
        <translation>حُذف هذا المنشور.</translation>
    </message>
    <message numerus="yes">
        <source>Me too (%n)</source>
        <translation>
            <numerusform>أنا أيضًا (%n)</numerusform>
            <numerusform>أنا أيضًا (%n)</numerusform>
            <numerusform>أنا أيضًا (%n)</numerusform>
            <numerusform>أنا أيضًا (%n)</numerusform>
            <numerusform>أنا أيضًا (%n)</numerusform>
            <numerusform>أنا أيضًا (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Me too, %n so far</source>
        <translation>
            <numerusform>أنا أيضًا، لا أحد حتى الآن</numerusform>
            <numerusform>أنا أيضًا، شخص واحد حتى الآن</numerusform>
            <numerusform>أنا أيضًا، شخصان حتى الآن</numerusform>
            <numerusform>أنا أيضًا، %n أشخاص حتى الآن</numerusform>
            <numerusform>أنا أيضًا، %n شخصًا حتى الآن</numerusform>
            <numerusform>أنا أيضًا، %n شخص حتى الآن</numerusform>
        </translation>
    </message>
    <message>
        <source>Say this is true for you too</source>
        <translation>قل إن هذا يصدق عليك أيضًا</translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <translation>
            <numerusform>لا ردود</numerusform>
            <numerusform>ردّ واحد</numerusform>
            <numerusform>ردّان</numerusform>
            <numerusform>%n ردود</numerusform>
            <numerusform>%n ردًّا</numerusform>
            <numerusform>%n ردّ</numerusform>
        </translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>ردّ</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>إبلاغ…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete (admin)</source>
        <translation>حذف (المشرف)</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>اكتب ردًّا…</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>أرسل الردّ</translation>
    </message>
    <message>
        <source>Reply by %1</source>
        <translation>ردّ من %1</translation>
    </message>
    <message>
        <source>Post by %1</source>
        <translation>منشور من %1</translation>
    </message>
    <message>
        <source>Words of a reply by %1</source>
        <translation>نصّ ردّ كتبه %1</translation>
    </message>
    <message>
        <source>Words of a post by %1</source>
        <translation>نصّ منشور كتبه %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>&amp;Lock after this many idle minutes:</source>
        <translation>ال&amp;قفل بعد هذا العدد من دقائق الخمول:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>&amp;Digits in Arabic:</source>
        <translation>الأ&amp;رقام في الواجهة العربية:</translation>
    </message>
    <message>
        <source>Arabic-Indic</source>
        <translation>مشرقية</translation>
    </message>
    <message>
        <source>Western</source>
        <translation>غربية</translation>
    </message>
    <message>
        <source>Also show the &amp;Hijri date</source>
        <translation>إظهار التاريخ ال&amp;هجري أيضًا</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>الأ&amp;لوان:</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>كما في النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <source>&amp;Reduce motion (no fades or slides)</source>
        <translation>تقليل ال&amp;حركة (بلا تلاشٍ ولا انزلاق)</translation>
    </message>
    <message numerus="yes">
        <source> minutes</source>
        <comment>unit after a number of minutes</comment>
        <translation>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقائق</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>PromptPanel</name>
    <message>
        <source>Any theme</source>
        <translation>أي موضوع</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>فكرة أخرى</translation>
    </message>
    <message>
        <source>Show another prompt</source>
        <translation>عرض فكرة أخرى للكتابة</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Choose a theme for the prompt</source>
        <translation>اختيار موضوع لفكرة الكتابة</translation>
    </message>
    <message>
        <source>Use this prompt</source>
        <translation>الكتابة عنها</translation>
    </message>
    <message>
        <source>The prompt is saved with the entry</source>
        <translation>تُحفظ الفكرة مع التدوينة</translation>
    </message>
    <message>
        <source>Hide the prompt</source>
        <translation>إخفاء فكرة الكتابة</translation>
    </message>
    <message>
        <source>Prompt for today</source>
        <translation>فكرة اليوم للكتابة</translation>
    </message>
    <message>
        <source>Show the prompt for today</source>
        <translation>إظهار فكرة اليوم للكتابة</translation>
    </message>
    <message>
        <source>Writing about:</source>
        <translation>أكتب عن:</translation>
    </message>
    <message>
        <source>Prompt for today:</source>
        <translation>فكرة اليوم:</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>فكرة للكتابة:</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Minority stress and everyday discrimination</source>
        <translation>ضغوط الأقليات والتمييز اليومي</translation>
    </message>
    <message>
        <source>Coming out and family</source>
        <translation>الإفصاح والعائلة</translation>
    </message>
    <message>
        <source>Belonging and chosen family</source>
        <translation>الانتماء والعائلة المختارة</translation>
    </message>
    <message>
        <source>Strengths and resilience</source>
        <translation>نقاط القوة والصمود</translation>
    </message>
    <message>
        <source>Gratitude</source>
        <translation>الامتنان</translation>
    </message>
    <message>
        <source>Reframing a thought</source>
        <translation>النظر إلى فكرة من زاوية أخرى</translation>
    </message>
    <message>
        <source>After a group conversation</source>
        <translation>بعد حديث في المجموعة</translation>
    </message>
    <message>
        <source>Hard days</source>
        <translation>الأيام الصعبة</translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <source>ERASE</source>
        <translation>امسح</translation>
    </message>
</context>
<context>
    <name>ProtectionMenu</name>
    <message>
        <source>&amp;Protection</source>
        <translation>ال&amp;حماية</translation>
    </message>
    <message>
        <source>Set &amp;duress passphrase…</source>
        <translation>تعيين عبارة المرور تحت ال&amp;إكراه…</translation>
    </message>
    <message>
        <source>&amp;Remove duress passphrase…</source>
        <translation>إ&amp;زالة عبارة المرور تحت الإكراه…</translation>
    </message>
    <message>
        <source>&amp;Wrong passphrases…</source>
        <translation>عبارات المرور ال&amp;خاطئة…</translation>
    </message>
    <message>
        <source>&amp;Erase everything now…</source>
        <translation>&amp;مسح كل شيء الآن…</translation>
    </message>
    <message>
        <source>Duress passphrase</source>
        <translation>عبارة المرور تحت الإكراه</translation>
    </message>
    <message>
        <source>The duress passphrase is set. It does not open your journal. Remember it, and never use it by mistake.</source>
        <translation>تم تعيين عبارة المرور تحت الإكراه. يُرجى تذكّرها، والحذر من كتابتها عن طريق الخطأ، فهي لا تفتح يومياتك الحقيقية.</translation>
    </message>
    <message>
        <source>Remove duress passphrase</source>
        <translation>إزالة عبارة المرور تحت الإكراه</translation>
    </message>
    <message>
        <source>Remove the duress passphrase? It will then be just a wrong passphrase.</source>
        <translation>هل تريد إزالة عبارة المرور تحت الإكراه؟ ستصبح بعدها مجرد عبارة مرور خاطئة.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;إزالة</translation>
    </message>
</context>
<context>
    <name>ProtectionsStep</name>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PseudonymDialog</name>
    <message>
        <source>Pseudonym</source>
        <translation>الاسم المستعار</translation>
    </message>
    <message>
        <source>Your &amp;pseudonym:</source>
        <translation>ا&amp;سمك المستعار:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>The new name shows on posts you write from now on; earlier posts keep theirs.</source>
        <translation>يظهر الاسم الجديد على ما تكتبه من الآن؛ وتبقى المنشورات السابقة بأسمائها.</translation>
    </message>
</context>
<context>
    <name>PseudonymField</name>
    <message>
        <source>&amp;Another</source>
        <translation>&amp;غيره</translation>
    </message>
    <message>
        <source>Suggest another name</source>
        <translation>اقترح اسمًا آخر</translation>
    </message>
    <message>
        <source>Suggest another pseudonym</source>
        <translation>اقترح اسمًا مستعارًا آخر</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>الاسم المستعار</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>مفتاح الاسترداد الخاص بك</translation>
    </message>
    <message>
        <source>This key opens your journal if you forget your passphrase. It is shown only now. Write it on paper and keep it somewhere safe and private; anyone who has it can read your journal.</source>
        <translation>يفتح هذا المفتاح يومياتك إن نسيت عبارة المرور. لن يظهر إلا الآن. يُستحسن كتابته على ورقة وحفظه في مكان آمن وخاص؛ فكل من يملكه يستطيع قراءة يومياتك.</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;نسخ إلى الحافظة</translation>
    </message>
    <message>
        <source>I have saved my recovery key</source>
        <translation>حفظت مفتاح الاسترداد</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>مفتاح الاسترداد</translation>
    </message>
</context>
<context>
    <name>RelaxationGuide</name>
    <message>
        <source>Progressive muscle relaxation</source>
        <translation>الاسترخاء العضلي التدريجي</translation>
    </message>
    <message>
        <source>Hands</source>
        <translation>اليدان</translation>
    </message>
    <message>
        <source>Make fists.</source>
        <translation>قبض الكفين.</translation>
    </message>
    <message>
        <source>Upper arms</source>
        <translation>أعلى الذراعين</translation>
    </message>
    <message>
        <source>Bend your elbows and tighten the muscles at the front of your arms.</source>
        <translation>ثني المرفقين وشد العضلات في مقدمة الذراع.</translation>
    </message>
    <message>
        <source>Shoulders</source>
        <translation>الكتفان</translation>
    </message>
    <message>
        <source>Lift your shoulders up towards your ears.</source>
        <translation>رفع الكتفين نحو الأذنين.</translation>
    </message>
    <message>
        <source>Forehead</source>
        <translation>الجبهة</translation>
    </message>
    <message>
        <source>Raise your eyebrows.</source>
        <translation>رفع الحاجبين.</translation>
    </message>
    <message>
        <source>Eyes and cheeks</source>
        <translation>العينان والوجنتان</translation>
    </message>
    <message>
        <source>Squeeze your eyes shut.</source>
        <translation>إغماض العينين بقوة.</translation>
    </message>
    <message>
        <source>Jaw</source>
        <translation>الفك</translation>
    </message>
    <message>
        <source>Press your teeth together lightly.</source>
        <translation>ضغط الأسنان بعضها على بعض برفق.</translation>
    </message>
    <message>
        <source>Neck</source>
        <translation>الرقبة</translation>
    </message>
    <message>
        <source>Gently press your head back against the chair or pillow.</source>
        <translation>دفع الرأس إلى الخلف برفق على الكرسي أو الوسادة.</translation>
    </message>
    <message>
        <source>Chest</source>
        <translation>الصدر</translation>
    </message>
    <message>
        <source>Take a deep breath in and notice the tightness in your chest for a moment.</source>
        <translation>أخذ نفَس عميق وملاحظة انشداد الصدر لحظة.</translation>
    </message>
    <message>
        <source>Stomach</source>
        <translation>البطن</translation>
    </message>
    <message>
        <source>Pull your stomach muscles in.</source>
        <translation>شد عضلات البطن إلى الداخل.</translation>
    </message>
    <message>
        <source>Thighs</source>
        <translation>الفخذان</translation>
    </message>
    <message>
        <source>Press your knees together or tighten the tops of your legs.</source>
        <translation>ضم الركبتين بقوة أو شد أعلى الساقين.</translation>
    </message>
    <message>
        <source>Lower legs</source>
        <translation>الساقان</translation>
    </message>
    <message>
        <source>Pull your toes up towards you.</source>
        <translation>سحب أصابع القدمين نحو الجسم.</translation>
    </message>
    <message>
        <source>Feet</source>
        <translation>القدمان</translation>
    </message>
    <message>
        <source>Curl your toes down.</source>
        <translation>ثني أصابع القدمين إلى الأسفل.</translation>
    </message>
    <message>
        <source>Tense each muscle group firmly, but never to the point of pain, then let go all at once. Keep breathing normally. Skip any part that is injured or painful.</source>
        <translation>شد كل مجموعة عضلية بحزم، دون الوصول إلى الألم أبدًا، ثم إرخاؤها دفعة واحدة، مع إبقاء التنفس طبيعيًا. ولا بأس بتجاوز أي منطقة مصابة أو مؤلمة.</translation>
    </message>
    <message>
        <source>&amp;Tense for (seconds):</source>
        <translation>مدة ال&amp;شد (بالثواني):</translation>
    </message>
    <message>
        <source>&amp;Release for (seconds):</source>
        <translation>مدة الإ&amp;رخاء (بالثواني):</translation>
    </message>
    <message>
        <source>S&amp;hort version: hands, shoulders and face</source>
        <translation>النسخة ال&amp;قصيرة: اليدان والكتفان والوجه</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Pre&amp;vious group</source>
        <translation>المجموعة ال&amp;سابقة</translation>
    </message>
    <message>
        <source>&amp;Next group</source>
        <translation>المجموعة ال&amp;تالية</translation>
    </message>
    <message>
        <source>Muscle groups done</source>
        <translation>المجموعات العضلية المنجزة</translation>
    </message>
    <message>
        <source>Seconds left</source>
        <translation>الثواني المتبقية</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>إيقاف &amp;مؤقت</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>البدء من &amp;جديد</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>م&amp;واصلة</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;بدء</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>أحسنت</translation>
    </message>
    <message>
        <source>Stay still for a minute and notice your whole body. Then get up slowly.</source>
        <translation>البقاء في سكون دقيقة مع ملاحظة الجسد كله، ثم النهوض ببطء.</translation>
    </message>
    <message>
        <source>Group %1 of %2</source>
        <translation>المجموعة %1 من %2</translation>
    </message>
    <message>
        <source>Tense</source>
        <translation>الشد</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>الإرخاء</translation>
    </message>
    <message>
        <source>Let go all at once. Notice how the muscles feel as they loosen.</source>
        <translation>إرخاء العضلات دفعة واحدة، وملاحظة إحساسها وهي ترتخي.</translation>
    </message>
</context>
<context>
    <name>ReminderNotice</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;تسجيل المزاج</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;ليس الآن</translation>
    </message>
</context>
<context>
    <name>ReminderSection</name>
    <message>
        <source>Reminders</source>
        <translation>التذكيرات</translation>
    </message>
    <message>
        <source>&amp;Remind me to check in</source>
        <translation>&amp;ذكّرني بتسجيل المزاج</translation>
    </message>
    <message>
        <source>&amp;Times of day:</source>
        <translation>أ&amp;وقات التذكير في اليوم:</translation>
    </message>
    <message>
        <source>Times of day</source>
        <translation>أوقات التذكير في اليوم</translation>
    </message>
    <message>
        <source>&amp;New time:</source>
        <translation>وقت &amp;جديد:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>إ&amp;ضافة</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>On these days:</source>
        <translation>في هذه الأيام:</translation>
    </message>
    <message>
        <source>Reminders come only on days with no entry yet, while the app is running, even locked or minimised. They never show anything you wrote, and come less often when left unanswered.</source>
        <translation>لا تصل التذكيرات إلا في الأيام التي لم تُكتب فيها تدوينة بعد، وما دام التطبيق يعمل، حتى وهو مقفل أو مصغَّر. ولا تعرض أبدًا شيئًا مما كتبته، وتقلّ تدريجيًا إذا بقيت دون استجابة.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so reminders can only appear inside the app's window, while it is open.</source>
        <translation>لا توجد في سطح المكتب هذا منطقة إشعارات للنظام، لذا لا تظهر التذكيرات إلا داخل نافذة التطبيق ما دامت مفتوحة.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;تسجيل المزاج</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <source>A reminder</source>
        <translation>تذكير</translation>
    </message>
    <message>
        <source>A gentle reminder to check in, if you would like to.</source>
        <translation>تذكير لطيف بتسجيل المزاج، إن رغبت في ذلك.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Journal summary</source>
        <translation>ملخص اليوميات</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>من %1 إلى %2</translation>
    </message>
    <message>
        <source>Entries included: %1</source>
        <translation>التدوينات المضمّنة: %1</translation>
    </message>
    <message>
        <source>Average mood: %1 of 5</source>
        <translation>متوسط المزاج: %1 من 5</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>المزاج</translation>
    </message>
    <message>
        <source>Emotions named most often</source>
        <translation>المشاعر الأكثر ذكرًا</translation>
    </message>
    <message>
        <source>What I tried</source>
        <translation>ما جربته</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>الأسلوب</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>المرات</translation>
    </message>
    <message>
        <source>Average drop in distress (0-10)</source>
        <translation>متوسط انخفاض الضيق (0-10)</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>التدوينات</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for a therapist</source>
        <translation>تقرير للمعالج</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;من:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>إ&amp;لى:</translation>
    </message>
    <message>
        <source>Leave out entries tagged:</source>
        <translation>استبعاد التدوينات ذات الوسوم:</translation>
    </message>
    <message>
        <source>Tags to leave out</source>
        <translation>الوسوم المستبعدة</translation>
    </message>
    <message>
        <source>Include what I wrote in each entry</source>
        <translation>تضمين ما كتبته في كل تدوينة</translation>
    </message>
    <message>
        <source>A saved report is not encrypted. Anyone who can open the file can read it.</source>
        <translation>التقرير المحفوظ غير مشفّر. يستطيع قراءته كل من يمكنه فتح الملف.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>حفظ بصيغة P&amp;DF…</translation>
    </message>
    <message>
        <source>Save as &amp;web page…</source>
        <translation>حفظ ك&amp;صفحة ويب…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>مستند PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>صفحة ويب (*.html)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>تعذرت كتابة الملف: %1</translation>
    </message>
</context>
<context>
    <name>ReportPostDialog</name>
    <message>
        <source>Report post</source>
        <translation>الإبلاغ عن منشور</translation>
    </message>
    <message>
        <source>Tell the group's admin what is wrong with this post. Only the admin can read your report.</source>
        <translation>أخبر مشرف المجموعة بما يقلقك في هذا المنشور. لا يقرأ بلاغك إلا المشرف.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>&amp;Send report</source>
        <translation>أ&amp;رسل البلاغ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Reports</source>
        <translation>البلاغات</translation>
    </message>
    <message>
        <source>&amp;Delete the reported post</source>
        <translation>ا&amp;حذف المنشور المُبلَّغ عنه</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Reason: %1
Post: %2</source>
        <translation>السبب: %1
المنشور: %2</translation>
    </message>
    <message>
        <source>No one has reported a post.</source>
        <translation>لم يُبلِّغ أحد عن أي منشور.</translation>
    </message>
    <message>
        <source>Members reported these posts. Only the group's admins can read this.</source>
        <translation>أبلغ أعضاء عن هذه المنشورات. لا يقرأ هذا إلا مشرفو المجموعة.</translation>
    </message>
    <message>
        <source>Members reported these posts. Only you, the admin, can read this.</source>
        <translation>أبلغ أعضاء عن هذه المنشورات. لا يقرأ هذا إلا أنت، بصفتك المشرف.</translation>
    </message>
    <message>
        <source>(no longer here)</source>
        <translation>(لم يعد موجودًا)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Welcome to “%1”</source>
        <translation>أهلًا وسهلًا في «%1»</translation>
    </message>
    <message>
        <source>Rules and support contacts of “%1”</source>
        <translation>قواعد «%1» وجهات الدعم فيها</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;تعديل…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>RulesEditDialog</name>
    <message>
        <source>Edit rules and contacts</source>
        <translation>تعديل القواعد وجهات الدعم</translation>
    </message>
    <message>
        <source>Group &amp;rules:</source>
        <translation>&amp;قواعد المجموعة:</translation>
    </message>
    <message>
        <source>Group rules</source>
        <translation>قواعد المجموعة</translation>
    </message>
    <message>
        <source>For example: What is said here stays here. Be kind. No real names.</source>
        <translation>مثلًا: ما يُقال هنا يبقى هنا. اللطف أولًا. لا أسماء حقيقية.</translation>
    </message>
    <message>
        <source>Support &amp;contacts:</source>
        <translation>&amp;جهات الدعم:</translation>
    </message>
    <message>
        <source>Add only people or services you have checked yourself, and say how to reach them. Every member sees this list beside “I need help now”.</source>
        <translation>لا تُضاف هنا إلا جهات سبق التحقق منها بنفسك، مع طريقة التواصل معها. يرى كل عضو هذه القائمة بجانب «أحتاج إلى مساعدة الآن».</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>How to reach them</source>
        <translation>طريقة التواصل</translation>
    </message>
    <message>
        <source>Support contacts</source>
        <translation>جهات الدعم</translation>
    </message>
    <message>
        <source>&amp;Add contact</source>
        <translation>إ&amp;ضافة جهة</translation>
    </message>
    <message>
        <source>Remove c&amp;ontact</source>
        <translation>إزالة ال&amp;جهة</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <source>The rules are too long: keep them under %n characters.</source>
        <translation>
            <numerusform>القواعد أطول من اللازم: الحد الأقصى %n حرف.</numerusform>
            <numerusform>القواعد أطول من اللازم: الحد الأقصى حرف واحد.</numerusform>
            <numerusform>القواعد أطول من اللازم: الحد الأقصى حرفان.</numerusform>
            <numerusform>القواعد أطول من اللازم: الحد الأقصى %n أحرف.</numerusform>
            <numerusform>القواعد أطول من اللازم: الحد الأقصى %n حرفًا.</numerusform>
            <numerusform>القواعد أطول من اللازم: الحد الأقصى %n حرف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Each contact needs a name and a way to reach them.</source>
        <translation>تحتاج كل جهة إلى اسم وطريقة للتواصل.</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Group rules</source>
        <translation>قواعد المجموعة</translation>
    </message>
    <message>
        <source>Support contacts</source>
        <translation>جهات الدعم</translation>
    </message>
    <message>
        <source>The admins have not written any rules yet.</source>
        <translation>لم يكتب المشرفون أي قواعد بعد.</translation>
    </message>
    <message>
        <source>People and services this group's admins checked and trust. peerapp never contacts anyone for you: you choose whether and when to reach out.</source>
        <translation>أشخاص وجهات تحقّق منها مشرفو هذه المجموعة ويثقون بها. لا يتصل peerapp بأحد نيابةً عنك: القرار لك في التواصل ووقته.</translation>
    </message>
    <message>
        <source>The admins have not added any contacts yet.</source>
        <translation>لم يُضف المشرفون أي جهة دعم بعد.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SafeBrowser</name>
    <message>
        <source>Open link?</source>
        <translation>فتح الرابط؟</translation>
    </message>
    <message>
        <source>This opens the link in your web browser, outside peerapp:

%1</source>
        <translation>سيُفتح الرابط في متصفحك، خارج peerapp:

%1</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>&amp;فتح في المتصفح</translation>
    </message>
</context>
<context>
    <name>SafetyPlan</name>
    <message>
        <source>Warning signs</source>
        <translation>علامات التحذير</translation>
    </message>
    <message>
        <source>What tells you that a hard time may be starting? Thoughts, feelings, situations, or things you notice yourself doing.</source>
        <translation>ما الذي يُنبّهني إلى أن وقتًا صعبًا قد يبدأ؟ أفكار أو مشاعر أو مواقف أو تصرّفات ألاحظها في نفسي.</translation>
    </message>
    <message>
        <source>Things I can do on my own</source>
        <translation>أشياء أستطيع فعلها بمفردي</translation>
    </message>
    <message>
        <source>Small things that help you get through a difficult moment by yourself, like a walk, music, or slow breathing.</source>
        <translation>أشياء صغيرة تساعدني على تجاوز لحظة صعبة وحدي، مثل المشي أو الموسيقى أو التنفّس ببطء.</translation>
    </message>
    <message>
        <source>People and places that take my mind off things</source>
        <translation>أشخاص وأماكن تشغل تفكيري بشيء آخر</translation>
    </message>
    <message>
        <source>People you can spend time with, and places where you can be around others, that help you think about something else for a while. You do not have to talk about how you feel.</source>
        <translation>أشخاص أستطيع قضاء الوقت معهم، وأماكن أكون فيها بين الناس، تساعدني على التفكير في شيء آخر لبعض الوقت. ولا يلزمني أن أتحدث عن مشاعري.</translation>
    </message>
    <message>
        <source>People I can ask for help</source>
        <translation>أشخاص أستطيع طلب المساعدة منهم</translation>
    </message>
    <message>
        <source>People you trust and could tell that you are struggling. You can add how to reach them.</source>
        <translation>أشخاص أثق بهم ويمكنني أن أخبرهم بأنني أمرّ بوقت صعب. يمكنني إضافة طريقة التواصل معهم.</translation>
    </message>
    <message>
        <source>Professionals and crisis services</source>
        <translation>الدعم المهني وخدمات الأزمات</translation>
    </message>
    <message>
        <source>Counsellors, doctors, crisis lines or support services you could contact, with their numbers. Choose ones you know are safe for you.</source>
        <translation>جهات إرشاد نفسي أو عيادات أو خطوط أزمات أو خدمات دعم يمكنني التواصل معها، مع أرقامها. أختار منها ما أعرف أنه آمن لي.</translation>
    </message>
    <message>
        <source>Making my surroundings safer</source>
        <translation>جعل محيطي أكثر أمانًا</translation>
    </message>
    <message>
        <source>Ways of putting distance between you and things you could use to hurt yourself, with help from someone you trust.</source>
        <translation>طرق لوضع مسافة بيني وبين أشياء قد أستخدمها لإيذاء نفسي، بمساعدة شخص أثق به.</translation>
    </message>
    <message>
        <source>My reasons for living</source>
        <translation>أسبابي للحياة</translation>
    </message>
    <message>
        <source>People, hopes, beliefs and small things that matter to you and make life worth living.</source>
        <translation>أشخاص وآمال ومعتقدات وأشياء صغيرة تهمّني وتجعل الحياة تستحق أن تُعاش.</translation>
    </message>
    <message>
        <source>My safety plan</source>
        <translation>خطة الأمان الخاصة بي</translation>
    </message>
    <message>
        <source>A plan in your own words for when things feel very hard. Start with the first step, and move on to the next one if you need more support.</source>
        <translation>خطة بكلماتي أنا، للأوقات التي تصبح فيها الأمور صعبة جدًا. أبدأ بالخطوة الأولى، وأنتقل إلى الخطوة التالية إذا احتجت إلى دعم أكثر.</translation>
    </message>
    <message>
        <source>Based on the Safety Planning Intervention:</source>
        <translation>مستندة إلى تدخّل تخطيط الأمان (Safety Planning Intervention):</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>الخطوة %1: %2</translation>
    </message>
</context>
<context>
    <name>SafetyPlanPage</name>
    <message>
        <source>Steps of the safety plan</source>
        <translation>خطوات خطة الأمان</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <source>Print the safety plan</source>
        <translation>طباعة خطة الأمان</translation>
    </message>
    <message>
        <source>Export the safety plan</source>
        <translation>تصدير خطة الأمان</translation>
    </message>
    <message>
        <source>Saved in your encrypted journal.</source>
        <translation>حُفظت في يومياتك المشفّرة.</translation>
    </message>
    <message>
        <source>S&amp;hare or print</source>
        <translation>&amp;مشاركة أو طباعة</translation>
    </message>
    <message>
        <source>Share or print the safety plan</source>
        <translation>مشاركة خطة الأمان أو طباعتها</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>&amp;نسخ كنص</translation>
    </message>
    <message>
        <source>&amp;Save as file…</source>
        <translation>&amp;حفظ في ملف…</translation>
    </message>
    <message>
        <source>Copied as text. Other apps can read the clipboard; quick exit empties it.</source>
        <translation>نُسخت الخطة كنص. يمكن للتطبيقات الأخرى قراءة الحافظة، والخروج السريع يفرغها.</translation>
    </message>
    <message>
        <source>The exported file is not encrypted. Anyone who can open the folder you save it in can read it. Continue?</source>
        <translation>الملف المُصدَّر غير مشفّر، ويستطيع قراءته كل من يمكنه فتح المجلد الذي يُحفظ فيه. متابعة التصدير؟</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>صفحة ويب (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>مستند PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown text (*.md)</source>
        <translation>نص Markdown (*.md)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>تعذّرت كتابة الملف: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>تمّ التصدير إلى %1</translation>
    </message>
</context>
<context>
    <name>SectionsTable</name>
    <message>
        <source>Heading</source>
        <translation>العنوان الفرعي</translation>
    </message>
    <message>
        <source>Hint (optional)</source>
        <translation>تلميح (اختياري)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>Each row is a heading of the entry's text, with a hint of what to write under it.</source>
        <translation>كل صف عنوان فرعي في نص التدوينة، مع تلميح لما يمكن كتابته تحته.</translation>
    </message>
    <message>
        <source>&amp;Add section</source>
        <translation>إ&amp;ضافة قسم</translation>
    </message>
    <message>
        <source>Re&amp;move section</source>
        <translation>إ&amp;زالة القسم</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>نقل لل&amp;أعلى</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;نقل للأسفل</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>These statements are our own translation of an English scale. A validated translation exists but is not in the app yet, so use your results to compare yourself with yourself over time.</source>
        <translation>هذه العبارات ترجمتُنا نحن لمقياس إنجليزي. توجد ترجمة عربية محكَّمة لكنها ليست في التطبيق بعد، لذا تصلح النتائج لمقارنة حالك بنفسك مع مرور الوقت.</translation>
    </message>
    <message>
        <source>This is a check-in with yourself, not a diagnosis. Your answers stay in your journal.</source>
        <translation>هذه وقفة مع نفسك، وليست تشخيصًا. تبقى إجاباتك في يومياتك.</translation>
    </message>
    <message>
        <source>Strongly disagree</source>
        <translation>لا أوافق إطلاقًا</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>لا أوافق</translation>
    </message>
    <message>
        <source>Neither agree nor disagree</source>
        <translation>لا أوافق ولا أعارض</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>أوافق</translation>
    </message>
    <message>
        <source>Strongly agree</source>
        <translation>أوافق تمامًا</translation>
    </message>
    <message>
        <source>Bouncing back</source>
        <translation>استعادة التوازن</translation>
    </message>
    <message>
        <source>Six statements about how you recover from hard times. Answer for how things usually are for you.</source>
        <translation>ست عبارات عن طريقتك في التعافي بعد الأوقات الصعبة. الإجابة بحسب ما يحدث عادةً.</translation>
    </message>
    <message>
        <source>I tend to bounce back quickly after hard times</source>
        <translation>أستعيد توازني بسرعة بعد الأوقات الصعبة</translation>
    </message>
    <message>
        <source>I have a hard time making it through stressful events</source>
        <translation>يصعب عليّ اجتياز الأحداث المُجهِدة</translation>
    </message>
    <message>
        <source>It does not take me long to recover from a stressful event</source>
        <translation>لا أحتاج وقتًا طويلًا لأتعافى من حدث مُجهِد</translation>
    </message>
    <message>
        <source>It is hard for me to snap back when something bad happens</source>
        <translation>يصعب عليّ أن أستعيد نفسي حين يحدث أمر سيّئ</translation>
    </message>
    <message>
        <source>I usually come through difficult times with little trouble</source>
        <translation>أجتاز الأوقات الصعبة عادةً دون عناء كبير</translation>
    </message>
    <message>
        <source>I tend to take a long time to get over set-backs in my life</source>
        <translation>أحتاج عادةً وقتًا طويلًا لأتجاوز النكسات في حياتي</translation>
    </message>
    <message>
        <source>The Brief Resilience Scale: Smith and colleagues, International Journal of Behavioral Medicine, 2008. Publicly available.</source>
        <translation>مقياس المرونة النفسية المختصر (Brief Resilience Scale): سميث وزملاؤه، المجلة الدولية للطب السلوكي، 2008. متاح للعموم.</translation>
    </message>
    <message>
        <source>Belonging</source>
        <translation>الانتماء</translation>
    </message>
    <message>
        <source>Four questions about feeling accepted and connected lately. There are no right answers.</source>
        <translation>أربعة أسئلة عن شعورك مؤخرًا بالقبول والتواصل مع الآخرين. لا توجد إجابات صحيحة وأخرى خاطئة.</translation>
    </message>
    <message>
        <source>Lately, I have felt that some people accept me as I am.</source>
        <translation>شعرتُ مؤخرًا أن هناك من يتقبّلني كما أنا.</translation>
    </message>
    <message>
        <source>I had someone I could be myself with, even for a little while.</source>
        <translation>كان معي من أستطيع أن أكون على طبيعتي أمامه، ولو لوقت قصير.</translation>
    </message>
    <message>
        <source>I felt part of a community, online or in person.</source>
        <translation>شعرتُ أنني جزء من مجتمع، على الإنترنت أو وجهًا لوجه.</translation>
    </message>
    <message>
        <source>I felt alone with who I really am.</source>
        <translation>شعرتُ بالوحدة مع حقيقة من أكون.</translation>
    </message>
    <message>
        <source>Reflection questions written for peerapp. They are not a measurement or a test.</source>
        <translation>أسئلة للتأمّل كُتبت لتطبيق peerapp، وليست قياسًا ولا اختبارًا.</translation>
    </message>
    <message>
        <source>Coping confidence</source>
        <translation>الثقة في التأقلم</translation>
    </message>
    <message>
        <source>Four questions about how able you have felt to get through hard moments lately.</source>
        <translation>أربعة أسئلة عن مدى قدرتك مؤخرًا على اجتياز اللحظات الصعبة.</translation>
    </message>
    <message>
        <source>When things got hard lately, I knew something I could do to feel a little steadier.</source>
        <translation>حين صعبت الأمور مؤخرًا، عرفتُ شيئًا أستطيع فعله لأشعر بثبات أكثر قليلًا.</translation>
    </message>
    <message>
        <source>I used at least one thing that usually helps me.</source>
        <translation>لجأتُ إلى شيء واحد على الأقل يساعدني عادةً.</translation>
    </message>
    <message>
        <source>I felt able to ask for support if I needed it.</source>
        <translation>شعرتُ أنني أستطيع طلب الدعم لو احتجتُ إليه.</translation>
    </message>
    <message>
        <source>Hard moments felt completely out of my hands.</source>
        <translation>بدت لي اللحظات الصعبة خارجة تمامًا عن يدي.</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Questions</source>
        <translation>الأسئلة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Create your private journal</source>
        <translation>أنشئ يومياتك الخاصة</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;رجوع</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Create my journal</source>
        <translation>&amp;أنشئ يومياتي</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>الخطوة %1 من %2</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>اختر لغتك</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>اختر عبارة مرور</translation>
    </message>
    <message>
        <source>Optional protections</source>
        <translation>حماية اختيارية</translation>
    </message>
    <message>
        <source>Which language would you like to use? You can switch at any time from the Settings menu.</source>
        <translation>بأي لغة تودّ استخدام التطبيق؟ يمكنك تغييرها في أي وقت من قائمة «الإعدادات».</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, encrypted. Nobody else can read it.</source>
        <translation>كل ما تكتبه يبقى على هذا الحاسوب مشفّرًا، ولا يستطيع أحد غيرك قراءته.</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, encrypted with a passphrase that only you know. Choose one you can remember and others cannot guess.</source>
        <translation>تبقى كل كتاباتك على هذا الحاسوب، مشفّرة بعبارة مرور لا يعرفها سواك. والأفضل عبارة يسهل عليك تذكرها ويصعب على غيرك تخمينها.</translation>
    </message>
    <message>
        <source>Important: if you forget your passphrase, nobody can recover your journal, not even us. There is no reset.</source>
        <translation>مهم: إن نسيت عبارة المرور فلن يستطيع أحد استعادة يومياتك، ولا نحن. لا توجد طريقة لإعادة تعيينها.</translation>
    </message>
    <message>
        <source>Also create a recovery key</source>
        <translation>أنشئ أيضًا مفتاح استرداد</translation>
    </message>
    <message>
        <source>A recovery key is a long code that opens your journal if you forget your passphrase. It is shown only once, right after your journal is made: write it down and keep it somewhere private, because anyone who has it can read your journal.</source>
        <translation>مفتاح الاسترداد رمز طويل يفتح يومياتك إن نسيت عبارة المرور. يُعرض مرة واحدة فقط، بعد إنشاء يومياتك مباشرة: دوّنه واحفظه في مكان خاص، فكل من يحصل عليه يستطيع قراءة يومياتك.</translation>
    </message>
    <message>
        <source>Two optional protections. The suggested settings suit most people.</source>
        <translation>وسيلتان اختياريتان للحماية، والإعدادات المقترحة تناسب معظم الناس.</translation>
    </message>
    <message>
        <source>&amp;Discreet mode</source>
        <translation>الوضع الم&amp;تحفّظ</translation>
    </message>
    <message>
        <source>While the journal is locked, the window and taskbar show a plain “%1” name and icon, so a glance at the screen does not tell what this app is for.</source>
        <translation>ما دامت اليوميات مقفلة، تُظهر النافذة وشريط المهام اسمًا وأيقونة عاديين باسم «%1»، فلا تكشف نظرة عابرة إلى الشاشة الغرض من هذا التطبيق.</translation>
    </message>
    <message>
        <source>&amp;Lock the journal when unused for:</source>
        <translation>أ&amp;قفل اليوميات إذا لم تُستخدم مدة:</translation>
    </message>
    <message>
        <source>Never lock by itself</source>
        <translation>لا تُقفل من تلقاء نفسها</translation>
    </message>
    <message>
        <source>Your passphrase opens it again; an entry you were writing is kept as a draft.</source>
        <translation>تفتحها عبارة المرور من جديد، وتُحفظ التدوينة التي كنت تكتبها مسودةً.</translation>
    </message>
    <message>
        <source>You can change these later in the Settings menu.</source>
        <translation>يمكنك تغيير هذه الإعدادات لاحقًا من قائمة «الإعدادات».</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Tab and Shift+Tab move between controls, also out of the entry text.</source>
        <translation>ينقل Tab وShift+Tab بين عناصر التحكم، ومنها الخروج من نص التدوينة.</translation>
    </message>
    <message>
        <source>Alt and an underlined letter open a menu or press a button.</source>
        <translation>يفتح Alt مع الحرف المسطَّر قائمةً أو يضغط زرًا.</translation>
    </message>
    <message>
        <source>In the check-in, 1 to 5 choose a mood; among the feelings, the arrow keys move between them.</source>
        <translation>في تسجيل المزاج تختار الأرقام من 1 إلى 5 المزاج، وتنقل مفاتيح الأسهم بين المشاعر.</translation>
    </message>
    <message>
        <source>A screen reader is running, so pressing Esc twice does not quick-exit.</source>
        <translation>قارئ الشاشة يعمل، لذا لا يؤدي الضغط على Esc مرتين إلى الخروج السريع.</translation>
    </message>
    <message>
        <source>Pressing Esc twice quickly is a quick exit too.</source>
        <translation>الضغط على Esc مرتين بسرعة خروجٌ سريع أيضًا.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>StepSection</name>
    <message>
        <source>Add…</source>
        <translation>أضِف…</translation>
    </message>
    <message>
        <source>New item for: %1</source>
        <translation>عنصر جديد في: %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>إلغاء المزامنة</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>&amp;زامن الآن</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>تقدّم المزامنة</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>لا شيء بانتظار الإرسال</numerusform>
            <numerusform>عنصر واحد بانتظار الإرسال</numerusform>
            <numerusform>عنصران بانتظار الإرسال</numerusform>
            <numerusform>%n عناصر بانتظار الإرسال</numerusform>
            <numerusform>%n عنصرًا بانتظار الإرسال</numerusform>
            <numerusform>%n عنصر بانتظار الإرسال</numerusform>
        </translation>
    </message>
    <message>
        <source>Group sync is paused (Group settings).</source>
        <translation>مزامنة المجموعات متوقفة مؤقتًا (إعدادات المجموعات).</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>تجري المزامنة…</translation>
    </message>
    <message numerus="yes">
        <source>Can't reach the server — will retry in %n minutes</source>
        <translation>
            <numerusform>تعذّر الوصول إلى الخادم — سنحاول مجددًا بعد أقل من دقيقة</numerusform>
            <numerusform>تعذّر الوصول إلى الخادم — سنحاول مجددًا بعد دقيقة</numerusform>
            <numerusform>تعذّر الوصول إلى الخادم — سنحاول مجددًا بعد دقيقتين</numerusform>
            <numerusform>تعذّر الوصول إلى الخادم — سنحاول مجددًا بعد %n دقائق</numerusform>
            <numerusform>تعذّر الوصول إلى الخادم — سنحاول مجددًا بعد %n دقيقة</numerusform>
            <numerusform>تعذّر الوصول إلى الخادم — سنحاول مجددًا بعد %n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync did not work — will retry in %n minutes</source>
        <translation>
            <numerusform>لم تنجح المزامنة — سنحاول مجددًا بعد أقل من دقيقة</numerusform>
            <numerusform>لم تنجح المزامنة — سنحاول مجددًا بعد دقيقة</numerusform>
            <numerusform>لم تنجح المزامنة — سنحاول مجددًا بعد دقيقتين</numerusform>
            <numerusform>لم تنجح المزامنة — سنحاول مجددًا بعد %n دقائق</numerusform>
            <numerusform>لم تنجح المزامنة — سنحاول مجددًا بعد %n دقيقة</numerusform>
            <numerusform>لم تنجح المزامنة — سنحاول مجددًا بعد %n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>لم تتم المزامنة بعد.</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>آخر مزامنة قبل لحظات</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n minutes ago</source>
        <translation>
            <numerusform>آخر مزامنة قبل أقل من دقيقة</numerusform>
            <numerusform>آخر مزامنة قبل دقيقة</numerusform>
            <numerusform>آخر مزامنة قبل دقيقتين</numerusform>
            <numerusform>آخر مزامنة قبل %n دقائق</numerusform>
            <numerusform>آخر مزامنة قبل %n دقيقة</numerusform>
            <numerusform>آخر مزامنة قبل %n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>آخر مزامنة: %1</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>New entry from a template</source>
        <translation>تدوينة جديدة من قالب</translation>
    </message>
    <message>
        <source>Choose what your entry starts with. You can change all of it while you write.</source>
        <translation>بماذا تبدأ التدوينة؟ يمكن تغيير كل شيء أثناء الكتابة.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <source>What the entry starts with</source>
        <translation>ما تبدأ به التدوينة</translation>
    </message>
    <message>
        <source>You have no templates. Make one with Manage templates.</source>
        <translation>لا توجد قوالب بعد. يمكن إنشاء قالب من «إدارة القوالب».</translation>
    </message>
    <message>
        <source>&amp;Start writing</source>
        <translation>&amp;بدء الكتابة</translation>
    </message>
    <message>
        <source>&amp;Manage templates…</source>
        <translation>إ&amp;دارة القوالب…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>العنوان: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>الوسوم: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Emotions: %1</source>
        <translation>المشاعر: %1</translation>
    </message>
    <message>
        <source>No sections: the text starts empty.</source>
        <translation>بلا أقسام: يبدأ النص فارغًا.</translation>
    </message>
    <message>
        <source>Finish or close the entry you are writing first; it is still open.</source>
        <translation>ما زالت هناك تدوينة مفتوحة قيد الكتابة؛ يمكن إنهاؤها أو إغلاقها أولًا.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <source>Your templates</source>
        <translation>القوالب المحفوظة</translation>
    </message>
    <message>
        <source>&amp;New template</source>
        <translation>قالب &amp;جديد</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الا&amp;سم:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>ال&amp;وسوم:</translation>
    </message>
    <message>
        <source>&amp;Emotions:</source>
        <translation>ال&amp;مشاعر:</translation>
    </message>
    <message>
        <source>Se&amp;ctions:</source>
        <translation>الأ&amp;قسام:</translation>
    </message>
    <message>
        <source>How the template is listed</source>
        <translation>الاسم الذي يظهر به القالب في القائمة</translation>
    </message>
    <message>
        <source>The title a new entry starts with (optional)</source>
        <translation>العنوان الذي تبدأ به التدوينة الجديدة (اختياري)</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>افصل بين الوسوم بفواصل</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>ح&amp;فظ القالب</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>A new template</source>
        <translation>قالب جديد</translation>
    </message>
    <message>
        <source>Editing “%1”</source>
        <translation>تعديل «%1»</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>تجاهل التغييرات؟</translation>
    </message>
    <message>
        <source>This template has changes that are not saved. Discard them?</source>
        <translation>في هذا القالب تغييرات لم تُحفظ. هل تريد تجاهلها؟</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>ت&amp;جاهل التغييرات</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <source>Delete template?</source>
        <translation>حذف القالب؟</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Entries you wrote from it stay as they are.</source>
        <translation>هل تريد حذف القالب «%1»؟ التدوينات المكتوبة منه تبقى كما هي.</translation>
    </message>
    <message>
        <source>&amp;Delete template</source>
        <translation>&amp;حذف القالب</translation>
    </message>
    <message>
        <source>Template deleted.</source>
        <translation>حُذف القالب.</translation>
    </message>
</context>
<context>
    <name>ThoughtRecord</name>
    <message>
        <source>Thought record</source>
        <translation>سجل الأفكار</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>الموقف</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>المشاعر</translation>
    </message>
    <message>
        <source>Automatic thought</source>
        <translation>الفكرة التلقائية</translation>
    </message>
    <message>
        <source>Evidence for</source>
        <translation>الأدلة المؤيدة</translation>
    </message>
    <message>
        <source>Evidence against</source>
        <translation>الأدلة المعارضة</translation>
    </message>
    <message>
        <source>Balanced thought</source>
        <translation>الفكرة المتوازنة</translation>
    </message>
    <message>
        <source>Emotions after re-rating</source>
        <translation>المشاعر بعد إعادة التقييم</translation>
    </message>
</context>
<context>
    <name>ThoughtRecordTool</name>
    <message>
        <source>Thought record</source>
        <translation>سجل الأفكار</translation>
    </message>
    <message>
        <source>1. Si&amp;tuation</source>
        <translation>1. ال&amp;موقف</translation>
    </message>
    <message>
        <source>Where were you, with whom, and what happened? Only the facts, the kind a camera would record.</source>
        <translation>أين كنت، ومع من، وماذا حدث؟ الوقائع وحدها، كما قد تسجلها كاميرا.</translation>
    </message>
    <message>
        <source>2. Emotions</source>
        <translation>2. المشاعر</translation>
    </message>
    <message>
        <source>Name each feeling and rate how strong it was, from 0 to 100.</source>
        <translation>تسمية كل شعور وتقدير شدته من 0 إلى 100.</translation>
    </message>
    <message>
        <source>3. &amp;Automatic thoughts</source>
        <translation>3. الأفكار ال&amp;تلقائية</translation>
    </message>
    <message>
        <source>What went through your mind? Write the thoughts as they came, then mark the "hot" thought: the one that carries the most feeling.</source>
        <translation>ما الذي خطر في بالك؟ كتابة الأفكار كما جاءت، ثم تمييز الفكرة «الساخنة»: الفكرة الأكثر شحنًا بالمشاعر.</translation>
    </message>
    <message>
        <source>4. Evidence &amp;for</source>
        <translation>4. الأدلة ال&amp;مؤيدة</translation>
    </message>
    <message>
        <source>What facts support the hot thought? Facts, not guesses about what others think.</source>
        <translation>ما الوقائع التي تدعم الفكرة الساخنة؟ وقائع، لا تخمينات حول ما يدور في أذهان الآخرين.</translation>
    </message>
    <message>
        <source>5. Evidence a&amp;gainst</source>
        <translation>5. الأدلة الم&amp;عارضة</translation>
    </message>
    <message>
        <source>What facts do not fit it? What would you say to a friend who thought this? Has it been different before? Is a feeling being treated as a fact?</source>
        <translation>ما الوقائع التي لا تتفق معها؟ ماذا كنت ستقول لشخص عزيز يفكر بهذه الطريقة؟ هل كان الأمر مختلفًا من قبل؟ هل يُعامَل شعور كأنه حقيقة؟</translation>
    </message>
    <message>
        <source>6. &amp;Balanced thought</source>
        <translation>6. الفكرة الم&amp;توازنة</translation>
    </message>
    <message>
        <source>A thought that takes both sides into account. It does not have to be cheerful, only fair.</source>
        <translation>فكرة تأخذ الجانبين في الحسبان. لا يلزم أن تكون مبهجة، يكفي أن تكون منصفة.</translation>
    </message>
    <message>
        <source>7. Re-rate</source>
        <translation>7. إعادة التقييم</translation>
    </message>
    <message>
        <source>How strong is each emotion now, from 0 to 100? Leave it at "not rated" to skip.</source>
        <translation>ما شدة كل شعور الآن، من 0 إلى 100؟ ترك القيمة على «بلا تقييم» يعني تخطيها.</translation>
    </message>
    <message>
        <source>If the evidence points to real risk, let the balanced thought become a plan: what can you do to stay safer?</source>
        <translation>إن أشارت الأدلة إلى خطر حقيقي، فلتصبح الفكرة المتوازنة خطة: ما الذي يمكن فعله للبقاء في أمان أكبر؟</translation>
    </message>
    <message>
        <source>Add an &amp;emotion</source>
        <translation>إضافة &amp;شعور</translation>
    </message>
    <message>
        <source>&amp;Save to journal</source>
        <translation>&amp;حفظ في اليوميات</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>بلا تقييم</translation>
    </message>
    <message>
        <source>%1 now, 0 to 100</source>
        <translation>%1 الآن، من 0 إلى 100</translation>
    </message>
    <message>
        <source>Saved in your journal.</source>
        <translation>حُفظ في يومياتك.</translation>
    </message>
    <message>
        <source>Your journal is locked, so this thought record cannot be saved.</source>
        <translation>يومياتك مقفلة، لذا لا يمكن حفظ سجل الأفكار هذا.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>the day's mood: %1</source>
        <translation>مزاج اليوم: %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 الساعة %2</translation>
    </message>
    <message>
        <source>mood: %1</source>
        <translation>المزاج: %1</translation>
    </message>
    <message>
        <source>emotions: %1</source>
        <translation>المشاعر: %1</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>الوسوم: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
</context>
<context>
    <name>ToolDialog</name>
    <message>
        <source>Your answers stay in your private journal, so you can see later what helps you. Skipping is fine.</source>
        <translation>تبقى الإجابات في يومياتك الخاصة، ليتضح لاحقًا ما الذي يساعدك. ولا بأس بالتخطي.</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;تخطي</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;متابعة</translation>
    </message>
    <message>
        <source>Your journal is locked, so nothing from this exercise is saved.</source>
        <translation>يومياتك مقفلة، لذا لن يُحفظ شيء من هذا التمرين.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>إ&amp;غلاق</translation>
    </message>
    <message>
        <source>I am &amp;done</source>
        <translation>ا&amp;نتهيت</translation>
    </message>
    <message>
        <source>A &amp;note for your journal (optional):</source>
        <translation>&amp;ملاحظة لليوميات (اختيارية):</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Close &amp;without saving</source>
        <translation>إغلاق &amp;دون حفظ</translation>
    </message>
    <message>
        <source>&amp;Save to journal</source>
        <translation>&amp;حفظ في اليوميات</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>إغلاق دون حفظ؟</translation>
    </message>
    <message>
        <source>This thought record is not saved yet. Close it anyway?</source>
        <translation>لم يُحفظ سجل الأفكار هذا بعد. إغلاقه رغم ذلك؟</translation>
    </message>
    <message>
        <source>&amp;Close without saving</source>
        <translation>إ&amp;غلاق دون حفظ</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <source>Write here whenever you like, a word or a page. A mood is enough on a busy day, and only you can read what you write.</source>
        <translation>اكتب هنا متى شئت، كلمةً أو صفحة. في اليوم المزدحم يكفي أن تختار مزاجك، ولا يقرأ ما تكتبه أحد سواك.</translation>
    </message>
    <message>
        <source>Short articles and exercises for hard moments, all on this computer, so they work without the internet.</source>
        <translation>مقالات قصيرة وتمارين للّحظات الصعبة، كلها على هذا الحاسوب، فتعمل دون إنترنت.</translation>
    </message>
    <message>
        <source>After a few days of writing, gentle patterns in your moods appear here. They are worked out on this computer, for you alone.</source>
        <translation>بعد أيام قليلة من الكتابة تظهر هنا أنماط مزاجك بهدوء. تُحسب على هذا الحاسوب، ولك وحدك.</translation>
    </message>
    <message>
        <source>Your plan for very hard moments: the signs, the steps and the people that help, ready before you need them.</source>
        <translation>خطتك للّحظات الصعبة جدًا: العلامات والخطوات والأشخاص الذين يساعدون، جاهزة قبل أن تحتاج إليها.</translation>
    </message>
    <message>
        <source>Talk with people who understand, under a name you choose. Nothing leaves this computer until you join a group.</source>
        <translation>تحدّث مع أناس يفهمونك، باسم تختاره أنت. لا يغادر هذا الحاسوبَ شيءٌ حتى تنضم إلى مجموعة.</translation>
    </message>
    <message>
        <source>A short tour</source>
        <translation>جولة قصيرة</translation>
    </message>
    <message>
        <source>&amp;Skip the tour</source>
        <translation>&amp;تخطَّ الجولة</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>الخطوة %1 من %2</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;تم</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>ال&amp;تالي</translation>
    </message>
</context>
<context>
    <name>TransferDialogs</name>
    <message>
        <source>peerapp</source>
        <translation>peerapp</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Save a backup</source>
        <translation>حفظ نسخة احتياطية</translation>
    </message>
    <message>
        <source>peerapp backups (*.peerbackup)</source>
        <translation>نسخ peerapp الاحتياطية (*.peerbackup)</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>جارٍ إنشاء نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>النسخ الاحتياطي</translation>
    </message>
    <message>
        <source>The backup was saved. It opens with the passphrase your journal has now.</source>
        <translation>حُفظت النسخة الاحتياطية. تُفتح بعبارة المرور الحالية ليومياتك.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>جارٍ فحص النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>Replace your current journal with this backup? Entries written since the backup will be lost.</source>
        <translation>هل تريد استبدال يومياتك الحالية بهذه النسخة الاحتياطية؟ ستُفقد التدوينات المكتوبة بعد إنشائها.</translation>
    </message>
    <message>
        <source>&amp;Replace my journal</source>
        <translation>ا&amp;ستبدال يومياتي</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>جارٍ استعادة النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>The backup was restored. Unlock it with the passphrase it had.</source>
        <translation>استُعيدت النسخة الاحتياطية. تُفتح بعبارة المرور التي كانت لها.</translation>
    </message>
</context>
<context>
    <name>UnlockCountdown</name>
    <message numerus="yes">
        <source>Too many wrong tries. You can try again in %n seconds.</source>
        <translation>
            <numerusform>محاولات خاطئة كثيرة. يمكن المحاولة مجددًا بعد لحظة.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. يمكن المحاولة مجددًا بعد ثانية واحدة.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. يمكن المحاولة مجددًا بعد ثانيتين.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. يمكن المحاولة مجددًا بعد %n ثوانٍ.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. يمكن المحاولة مجددًا بعد %n ثانية.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. يمكن المحاولة مجددًا بعد %n ثانية.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Your journal is locked</source>
        <translation>يومياتك مقفلة</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>مفتاح الا&amp;سترداد:</translation>
    </message>
    <message>
        <source>Use my passphrase instead</source>
        <translation>استخدام عبارة المرور بدلًا من ذلك</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>عبارة ال&amp;مرور:</translation>
    </message>
    <message>
        <source>Forgot it? Use a recovery key</source>
        <translation>نسيتها؟ استخدام مفتاح الاسترداد</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <source>Use the key file from a &amp;backup…</source>
        <translation>استخدام ملف المفاتيح من &amp;نسخة احتياطية…</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>عبارة المرور هذه غير صحيحة.</translation>
    </message>
    <message>
        <source>That recovery key is not right.</source>
        <translation>مفتاح الاسترداد هذا غير صحيح.</translation>
    </message>
</context>
<context>
    <name>UnlockProtectionDialog</name>
    <message>
        <source>Wrong passphrases</source>
        <translation>عبارات المرور الخاطئة</translation>
    </message>
    <message>
        <source>After each wrong passphrase the lock screen makes you wait a little longer, up to a minute. You can also have everything erased after too many wrong tries in a row.</source>
        <translation>بعد كل عبارة مرور خاطئة، تطول مدة الانتظار في شاشة القفل قليلًا، حتى دقيقة واحدة. ويمكن أيضًا اختيار مسح كل شيء بعد عدد كبير من المحاولات الخاطئة المتتالية.</translation>
    </message>
    <message>
        <source>&amp;Erase everything after:</source>
        <translation>&amp;مسح كل شيء بعد:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong tries</source>
        <translation>
            <numerusform>لا محاولات خاطئة</numerusform>
            <numerusform>محاولة خاطئة واحدة</numerusform>
            <numerusform>محاولتين خاطئتين</numerusform>
            <numerusform>%n محاولات خاطئة</numerusform>
            <numerusform>%n محاولة خاطئة</numerusform>
            <numerusform>%n محاولة خاطئة</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Warning: a child, a partner or you yourself on a bad day could erase your journal by typing wrong passphrases. Someone who copies the files first is not stopped by this, and anyone with this computer can see that it is turned on. Keep a backup somewhere safe.</source>
        <translation>تحذير: قد يمسح طفل أو شريك، أو أنت نفسك في يوم صعب، اليوميات بكتابة عبارات مرور خاطئة. هذا الخيار لا يوقف من ينسخ الملفات أولًا، وأي شخص يستخدم هذا الحاسوب يمكنه أن يرى أنه مفعّل. يُستحسن الاحتفاظ بنسخة احتياطية في مكان آمن.</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Very bad</source>
        <translation>سيئ جدًا</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>سيئ</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>عادي</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>جيد</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>جيد جدًا</translation>
    </message>
    <message>
        <source>anxious</source>
        <translation>قلق</translation>
    </message>
    <message>
        <source>lonely</source>
        <translation>شعور بالوحدة</translation>
    </message>
    <message>
        <source>hopeful</source>
        <translation>أمل</translation>
    </message>
    <message>
        <source>proud</source>
        <translation>فخر</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>غضب</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>حزن</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>هدوء</translation>
    </message>
    <message>
        <source>grateful</source>
        <translation>امتنان</translation>
    </message>
    <message>
        <source>afraid</source>
        <translation>خوف</translation>
    </message>
    <message>
        <source>ashamed</source>
        <translation>خزي</translation>
    </message>
    <message>
        <source>relieved</source>
        <translation>ارتياح</translation>
    </message>
    <message>
        <source>loved</source>
        <translation>شعور بالحب</translation>
    </message>
    <message>
        <source>tired</source>
        <translation>تعب</translation>
    </message>
    <message>
        <source>overwhelmed</source>
        <translation>إرهاق</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>شعور بالتواصل</translation>
    </message>
    <message>
        <source>empowered</source>
        <translation>تمكّن</translation>
    </message>
    <message>
        <source>happy</source>
        <translation>سعادة</translation>
    </message>
    <message>
        <source>confused</source>
        <translation>حيرة</translation>
    </message>
    <message>
        <source>guilty</source>
        <translation>شعور بالذنب</translation>
    </message>
    <message>
        <source>frustrated</source>
        <translation>إحباط</translation>
    </message>
    <message>
        <source>numb</source>
        <translation>خدر عاطفي</translation>
    </message>
    <message>
        <source>excited</source>
        <translation>حماس</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>شعور بالقبول</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>شعور بالرفض</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>شعور بالأمان</translation>
    </message>
    <message>
        <source>unsafe</source>
        <translation>شعور بعدم الأمان</translation>
    </message>
    <message>
        <source>Unpleasant, high energy</source>
        <translation>غير مريحة، بطاقة عالية</translation>
    </message>
    <message>
        <source>Unpleasant, low energy</source>
        <translation>غير مريحة، بطاقة منخفضة</translation>
    </message>
    <message>
        <source>Pleasant, low energy</source>
        <translation>مريحة، بطاقة منخفضة</translation>
    </message>
    <message>
        <source>Pleasant, high energy</source>
        <translation>مريحة، بطاقة عالية</translation>
    </message>
    <message>
        <source>Stirred up and uneasy, like worry, anger or fear.</source>
        <translation>اضطراب وانزعاج، مثل القلق أو الغضب أو الخوف.</translation>
    </message>
    <message>
        <source>Heavy and drained, like sadness, tiredness or feeling alone.</source>
        <translation>ثِقل واستنزاف، مثل الحزن أو التعب أو الشعور بالوحدة.</translation>
    </message>
    <message>
        <source>Settled and at ease, like calm, safety or feeling cared for.</source>
        <translation>سكينة وارتياح، مثل الهدوء أو الأمان أو الشعور بالاهتمام.</translation>
    </message>
    <message>
        <source>Lifted and lively, like joy, pride or hope.</source>
        <translation>انتعاش وحيوية، مثل السعادة أو الفخر أو الأمل.</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <source>Erase everything</source>
        <translation>مسح كل شيء</translation>
    </message>
    <message>
        <source>This erases your journal, your safety plan and your settings from this computer, at once and for good. The app will look as if it was just installed. This cannot be undone.</source>
        <translation>سيؤدي هذا إلى مسح اليوميات وخطة الأمان والإعدادات من هذا الحاسوب، فورًا ونهائيًا. سيبدو التطبيق كأنه ثُبّت للتو. لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Also erase my automatic backups (they still open with your passphrase)</source>
        <translation>مسح النسخ الاحتياطية التلقائية أيضًا (فهي ما زالت تُفتح بعبارة المرور)</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>للتأكيد، تُكتب كلمة %1:</translation>
    </message>
    <message>
        <source>Confirmation word</source>
        <translation>كلمة التأكيد</translation>
    </message>
    <message>
        <source>&amp;Erase everything</source>
        <translation>&amp;مسح كل شيء</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>_GroupFormDialog</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
</TS>
