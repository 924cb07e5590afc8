<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CLI</name>
    <message>
        <source>Expected a passphrase on standard input.</source>
        <translation>كان متوقعًا وجود عبارة مرور في الدخل القياسي.</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>عبارة المرور: </translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>عبارة المرور الجديدة: </translation>
    </message>
    <message>
        <source>Repeat the passphrase: </source>
        <translation>أعد كتابة عبارة المرور: </translation>
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
        <translation>مفتاح الاسترداد (يظهر مرة واحدة؛ احفظه في مكان آمن):</translation>
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
        <source>A file could not be read or written:</source>
        <translation>تعذرت قراءة ملف أو الكتابة فيه:</translation>
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
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
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
        <source>Emotions:</source>
        <translation>المشاعر:</translation>
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
        <translation>اكتب ما تشاء. يمكنك استخدام ماركداون: **عريض**، *مائل*، - قوائم.</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>نص التدوينة</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>المشاعر</translation>
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
        <source>Draft kept safely in your journal at %1</source>
        <translation>حُفظت المسودة بأمان داخل يومياتك في %1</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>تجاهل التغييرات؟</translation>
    </message>
    <message>
        <source>You have changes that are not saved. Discard them?</source>
        <translation>لديك تغييرات لم تُحفظ. هل تريد تجاهلها؟</translation>
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
        <translation>اختر تدوينة لقراءتها هنا.</translation>
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
        <translation>يجب ألا تقل عبارة المرور عن 8 محارف.</translation>
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
        <translation><numerusform>لا توجد تدوينات في المهملات</numerusform><numerusform>تدوينة واحدة في المهملات</numerusform><numerusform>تدوينتان في المهملات</numerusform><numerusform>%Ln تدوينات في المهملات</numerusform><numerusform>%Ln تدوينة في المهملات</numerusform><numerusform>%Ln تدوينة في المهملات</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation><numerusform>لا توجد تدوينات</numerusform><numerusform>تدوينة واحدة</numerusform><numerusform>تدوينتان</numerusform><numerusform>%Ln تدوينات</numerusform><numerusform>%Ln تدوينة</numerusform><numerusform>%Ln تدوينة</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln entries for good? This cannot be undone.</source>
        <translation><numerusform>لا توجد تدوينات لمحوها.</numerusform><numerusform>هل تريد محو تدوينة واحدة نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform><numerusform>هل تريد محو تدوينتين نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform><numerusform>هل تريد محو %Ln تدوينات نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform><numerusform>هل تريد محو %Ln تدوينة نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform><numerusform>هل تريد محو %Ln تدوينة نهائيًا؟ لا يمكن التراجع عن ذلك.</numerusform></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استرجاع</translation>
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
    <name>MainWindow</name>
    <message>
        <source>peerapp</source>
        <translation>peerapp</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>ال&amp;يوميات</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>تدوينة &amp;جديدة</translation>
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
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
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
        <source>Passphrase changed</source>
        <translation>تغيّرت عبارة المرور</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one from now on.</source>
        <translation>تغيّرت عبارة المرور. استخدم العبارة الجديدة من الآن فصاعدًا.</translation>
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
        <translation><numerusform>لا يقل عن %Ln محرف؛ بضع كلمات لا رابط بينها خيار جيد</numerusform><numerusform>محرف واحد على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform><numerusform>محرفان على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform><numerusform>%Ln محارف على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform><numerusform>%Ln محرفًا على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform><numerusform>%Ln محرف على الأقل؛ بضع كلمات لا رابط بينها خيار جيد</numerusform></translation>
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
        <source> min</source>
        <translation> دقيقة</translation>
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
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>مفتاح الاسترداد الخاص بك</translation>
    </message>
    <message>
        <source>This key opens your journal if you forget your passphrase. It is shown only now. Write it on paper and keep it somewhere safe and private; anyone who has it can read your journal.</source>
        <translation>يفتح هذا المفتاح يومياتك إن نسيت عبارة المرور. لن يظهر إلا الآن. اكتبه على ورقة واحفظه في مكان آمن وخاص؛ فكل من يملكه يستطيع قراءة يومياتك.</translation>
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
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Create your private journal</source>
        <translation>أنشئ يومياتك الخاصة</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>اللغة:</translation>
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
        <source>Everything you write stays on this computer, encrypted with a passphrase that only you know. Choose one you can remember and others cannot guess.</source>
        <translation>يبقى كل ما تكتبه على هذا الحاسوب، مشفّرًا بعبارة مرور لا يعرفها سواك. اختر عبارة تتذكرها ولا يخمّنها غيرك.</translation>
    </message>
    <message>
        <source>Important: if you forget your passphrase, nobody can recover your journal, not even us. There is no reset.</source>
        <translation>مهم: إن نسيت عبارة المرور فلن يستطيع أحد استعادة يومياتك، ولا نحن. لا توجد طريقة لإعادة تعيينها.</translation>
    </message>
    <message>
        <source>Also create a recovery key (shown once, for you to keep somewhere safe)</source>
        <translation>أنشئ أيضًا مفتاح استرداد (يظهر مرة واحدة لتحفظه في مكان آمن)</translation>
    </message>
    <message>
        <source>&amp;Create journal</source>
        <translation>إ&amp;نشاء اليوميات</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Your journal is locked</source>
        <translation>يومياتك مقفلة</translation>
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
        <translation>نسيتها؟ استخدم مفتاح الاسترداد</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;فتح</translation>
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
        <translation>وحدة</translation>
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
        <translation>خجل</translation>
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
        <translation>تواصل</translation>
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
        <translation>ذنب</translation>
    </message>
    <message>
        <source>frustrated</source>
        <translation>إحباط</translation>
    </message>
    <message>
        <source>numb</source>
        <translation>خدر</translation>
    </message>
    <message>
        <source>excited</source>
        <translation>حماس</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>أمان</translation>
    </message>
    <message>
        <source>unsafe</source>
        <translation>عدم أمان</translation>
    </message>
</context>
</TS>